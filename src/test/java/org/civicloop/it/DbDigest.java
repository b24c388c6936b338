package org.civicloop.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A digest of every application table's content (each row rendered as text, rows sorted, so that the physical row
 * order does not matter), to show that a burst of refused requests changed nothing.
 */
final class DbDigest {

    /** Whole tables left out, and why. */
    private static final Set<String> SKIPPED_TABLES = Set.of(
            // Written only by Flyway when the schema is migrated at start-up; no request can touch it.
            "flyway_schema_history",
            // The campaign watch's arrivals leave on their own timer (once a minute, those older than ten minutes); a
            // request that adds one also adds a ballot, which shows.
            "campaign_arrival");

    /** Columns left out, and why. */
    private static final Map<String, Set<String>> SKIPPED_COLUMNS = Map.of(
            // Sign-in bookkeeping (LoginCounters): every request of a test signs in with HTTP Basic, which legitimately
            // sets last_login_at, and the refused sign-ins of a test legitimately count failures / lock the account.
            // These columns are not part of the audited account digest either. EclipseLink raises the optimistic lock
            // version with those bulk updates, so the version column moves with them.
            "account", Set.of("failed_logins", "locked_until", "last_login_at", "version"),
            // The e-mail outbox works on its own timer: the demo's report e-mails are retried in the background
            // (there is no SMTP server during these tests), which moves these columns whatever the requests do.
            // A delivery that a request created or removed still shows (its row, address and notification).
            "mail_delivery", Set.of("status", "attempts", "last_error", "next_attempt_at", "updated_at"));

    private DbDigest() {
    }

    /** The tables whose digest differs between two digests (empty when the database did not change). */
    static Map<String, String> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, String> out = new TreeMap<>();
        for (String t : after.keySet()) {
            if (!after.get(t).equals(before.get(t))) {
                out.put(t, before.get(t) + " -> " + after.get(t));
            }
        }
        for (String t : before.keySet()) {
            if (!after.containsKey(t)) {
                out.put(t, "gone");
            }
        }
        return out;
    }

    /**
     * Table name -> SHA-256 of its sorted rows. Taken once the audit queue is empty: the sequencer moves queued
     * entries into the chain on its own timer (a queued entry moved later would show as a change of the chain).
     */
    static Map<String, String> of() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = ItSupport.connect()) {
            long until = System.nanoTime() + 20_000_000_000L;
            while (queued(c) > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            for (String table : tables(c)) {
                out.put(table, digest(c, table));
            }
        }
        return out;
    }

    private static long queued(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_queue")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        String schema = "pg".equals(ItSupport.db()) ? "public" : "public";
        try (ResultSet rs = md.getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String s = rs.getString("TABLE_SCHEM");
                String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (s != null && s.equalsIgnoreCase(schema) && !SKIPPED_TABLES.contains(t)) {
                    tables.add(t);
                }
            }
        }
        if (tables.size() < 20) {
            throw new IllegalStateException("expected the application's tables, found " + tables);
        }
        return tables;
    }

    private static String digest(Connection c, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        Set<String> skip = SKIPPED_COLUMNS.getOrDefault(table, Set.of());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (skip.contains(md.getColumnName(i).toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    Object v = rs.getObject(i);
                    if (v instanceof byte[] b) {
                        v = HexFormat.of().formatHex(b);
                    }
                    row.append(md.getColumnName(i).toLowerCase(Locale.ROOT)).append('=').append(v).append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String r : rows) {
            sha.update(r.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return rows.size() + " rows " + HexFormat.of().formatHex(sha.digest());
    }
}
