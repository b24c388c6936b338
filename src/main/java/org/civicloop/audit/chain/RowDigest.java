package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The digest of one stored row, as the database returns it: its columns sorted by name, each rendered by the
 * driver as text. The audit log records it after every audited change, so that a row edited directly in the
 * database no longer matches its latest audit entry. Columns the application legitimately changes without an
 * audit entry (login counters) are left out.
 */
public final class RowDigest {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Map<String, Set<String>> VOLATILE = Map.of(
            "account", Set.of("failed_logins", "locked_until", "last_login_at", "version"));

    private RowDigest() {
    }

    /**
     * How an audit entry names a row that must not be recognisable by its id (an account): {@value #REF} and the
     * row's random {@code audit_ref}. Every other row is named by its numeric id.
     */
    public static final String REF = "ref:";

    /** The SQL condition that selects the row an entry names (one parameter, bound by {@link #bindRow}). */
    static String rowCondition(String id) {
        return id.startsWith(REF) ? "audit_ref = ?" : "id = ?";
    }

    static void bindRow(PreparedStatement ps, int index, String id) throws SQLException {
        if (id.startsWith(REF)) {
            ps.setString(index, id.substring(REF.length()));
        } else {
            ps.setLong(index, Long.parseLong(id));
        }
    }

    /** The digest of row {@code id} of {@code table}, or null when there is no such row. */
    public static String of(Connection connection, String table, String id) throws SQLException {
        return of(connection, table, id, Set.of());
    }

    /**
     * The digest of the row as it was before the named columns existed (they are left out), or null when there is
     * no such row; see {@link AddedColumns}.
     */
    static String of(Connection connection, String table, String id, Set<String> without) throws SQLException {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + table + " WHERE "
                + rowCondition(id))) {
            bindRow(ps, 1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ResultSetMetaData md = rs.getMetaData();
                Set<String> skip = VOLATILE.getOrDefault(table, Set.of());
                TreeMap<String, String> columns = new TreeMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                    if (!skip.contains(name) && !without.contains(name)) {
                        columns.put(name, rs.getString(i));
                    }
                }
                StringBuilder text = new StringBuilder();
                columns.forEach((name, value) -> text.append(name).append('=')
                        .append(value == null ? "\u2205" : value.length() + ":" + value).append('\n'));
                return AuditChain.sha256Hex(text.toString());
            }
        }
    }
}
