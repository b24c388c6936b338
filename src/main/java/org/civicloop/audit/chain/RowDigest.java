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
                return rs.next() ? new Columns(rs, table, without).digest(rs) : null;
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
        List<Object> numeric = new ArrayList<>();
        List<Object> refs = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith(REF)) {
                refs.add(id.substring(REF.length()));
            } else {
                try {
                    numeric.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    // no row has it: left out, as a deleted row is
                }
            }
        }
        Map<String, String> digests = new HashMap<>();
        readChunks(connection, table, "id", "", numeric, digests);
        readChunks(connection, table, "audit_ref", REF, refs, digests);
        return digests;
    }

    /** Reads the rows whose {@code column} is one of {@code keys}, keyed in {@code digests} by prefix + column. */
    private static void readChunks(Connection connection, String table, String column, String prefix, List<Object> keys,
                                   Map<String, String> digests) throws SQLException {
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + table + " WHERE " + column
                    + " IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    Columns columns = null;
                    while (rs.next()) {
                        columns = columns != null ? columns : new Columns(rs, table, Set.of());
                        digests.put(prefix + rs.getString(column), columns.digest(rs));
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

    /**
     * The columns a digest covers, sorted by name, with their positions in a result set: read from its metadata once,
     * then used for each of its rows.
     */
    private static final class Columns {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();

        Columns(ResultSet rs, String table, Set<String> without) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            Set<String> skip = VOLATILE.getOrDefault(table, Set.of());
            TreeMap<String, Integer> sorted = new TreeMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                if (!skip.contains(name) && !without.contains(name)) {
                    sorted.put(name, i);
                }
            }
            sorted.forEach((name, position) -> {
                names.add(name);
                positions.add(position);
            });
        }

        /** The digest of the current row: each column as {@code name=length:value} (or ∅ for NULL) on a line. */
        String digest(ResultSet rs) throws SQLException {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                String value = rs.getString(positions.get(i));
                text.append(names.get(i)).append('=')
                        .append(value == null ? "\u2205" : value.length() + ":" + value).append('\n');
            }
            return AuditChain.sha256Hex(text.toString());
        }
    }
}
