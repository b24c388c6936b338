package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
        checkTable(table);
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + table + " WHERE "
                + rowCondition(id))) {
            bindRow(ps, 1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? digest(rs, table, without) : null;
            }
        }
    }

    /** How many rows one query of {@link #ofAll} asks for (one parameter each; well inside every driver's limit). */
    private static final int CHUNK = 500;

    /**
     * The digests of many rows of one table, read a few hundred at a time instead of one query per row: the full
     * audit check reads every audited row, and one query each made it thousands of round trips. Answers a digest
     * per id found (ids as audit entries name them, numeric or {@value #REF}); a row not found is left out.
     */
    public static Map<String, String> ofAll(Connection connection, String table, Collection<String> ids)
            throws SQLException {
        checkTable(table);
        Map<String, String> digests = new HashMap<>();
        List<String> numeric = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith(REF)) {
                refs.add(id.substring(REF.length()));
            } else {
                try {
                    Long.parseLong(id);
                    numeric.add(id);
                } catch (NumberFormatException e) {
                    // no row has it: left out, as a deleted row is
                }
            }
        }
        readChunks(connection, table, "id", numeric, true, "", digests);
        readChunks(connection, table, "audit_ref", refs, false, REF, digests);
        return digests;
    }

    private static void readChunks(Connection connection, String table, String column, List<String> keys,
                                   boolean numeric, String prefix, Map<String, String> digests) throws SQLException {
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + table + " WHERE " + column
                    + " IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    if (numeric) {
                        ps.setLong(i + 1, Long.parseLong(chunk.get(i)));
                    } else {
                        ps.setString(i + 1, chunk.get(i));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        digests.put(prefix + rs.getString(column), digest(rs, table, Set.of()));
                    }
                }
            }
        }
    }

    private static void checkTable(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
    }

    /** The digest of the result set's current row: its columns sorted by name, each as the driver renders it. */
    private static String digest(ResultSet rs, String table, Set<String> without) throws SQLException {
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
