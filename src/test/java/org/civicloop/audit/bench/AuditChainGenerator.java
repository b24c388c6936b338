package org.civicloop.audit.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.audit.chain.RowDigest;

/**
 * Generates a large audit chain for measuring the verifiers (docs/performance.md): an H2 database in DIR with
 * {@code audit_entry}, {@code audit_head}, {@code audit_checkpoint} and a table of audited rows, and the same log as
 * the public JSON lines (DIR/entries.jsonl). Shaped like a city's log: nine entries in ten are notes of busy actions
 * (a vote cast, a juror's answer: pseudonymous actor, no row digest), one in ten changes one of ROWS audited rows.
 * <pre>
 * java -cp target/test-classes:target/civicloop-tools.jar org.civicloop.audit.bench.AuditChainGenerator DIR N [ROWS]
 * </pre>
 */
public final class AuditChainGenerator {

    private AuditChainGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: AuditChainGenerator DIR ENTRIES [ROWS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("audit.mv.db"));
        long start = System.nanoTime();
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("audit") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             BufferedWriter jsonl = Files.newBufferedWriter(dir.resolve("entries.jsonl"), StandardCharsets.UTF_8)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE audit_entry (seq BIGINT PRIMARY KEY, recorded_at VARCHAR(40) NOT NULL,"
                        + " actor VARCHAR(80) NOT NULL, action VARCHAR(80) NOT NULL, entity_type VARCHAR(60) NOT NULL,"
                        + " entity_id VARCHAR(80) NOT NULL, before_digest VARCHAR(64), after_digest VARCHAR(64),"
                        + " detail VARCHAR(4000), prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL)");
                st.execute("CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash VARCHAR(64) NOT NULL)");
                st.execute("CREATE TABLE audit_checkpoint (tree_size BIGINT PRIMARY KEY, head_hash VARCHAR(64) NOT NULL,"
                        + " signed_at VARCHAR(40) NOT NULL, reason VARCHAR(80) NOT NULL, note VARCHAR(2000) NOT NULL)");
                st.execute("CREATE TABLE cycle (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL, phase VARCHAR(20),"
                        + " version BIGINT NOT NULL)");
                // The ballot box and the queue, which the full check reads too (empty here: the log's notes stand for
                // the busy actions).
                st.execute("CREATE TABLE ballot (id BIGINT PRIMARY KEY, cycle_id BIGINT, channel VARCHAR(10),"
                        + " receipt VARCHAR(32), ranking VARCHAR(2000), superseded BOOLEAN DEFAULT FALSE,"
                        + " salt VARCHAR(32))");
                st.execute("CREATE TABLE voter_register (cycle_id BIGINT, channel VARCHAR(10), account_id BIGINT,"
                        + " id BIGINT, salt VARCHAR(32))");
                st.execute("CREATE TABLE audit_queue (id BIGINT PRIMARY KEY, entity_type VARCHAR(60),"
                        + " entity_id VARCHAR(80), after_digest VARCHAR(64))");
            }
            c.setAutoCommit(false);
            String prev = AuditChain.GENESIS;
            String[] digests = new String[rows + 1];
            try (PreparedStatement entry = c.prepareStatement("INSERT INTO audit_entry VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement row = c.prepareStatement("MERGE INTO cycle KEY (id) VALUES (?,?,?,?)")) {
                for (long seq = 1; seq <= n; seq++) {
                    String at = java.time.Instant.ofEpochSecond(1_790_000_000L + seq / 10, (seq % 10) * 100_000_000L)
                            .toString();
                    String actor;
                    String action;
                    String type;
                    String id;
                    String before = null;
                    String after = null;
                    String detail;
                    if (seq % 10 == 0 || seq <= rows) {
                        int r = (int) (seq <= rows ? seq : 1 + (seq * 7919) % rows);
                        before = digests[r];
                        row.setLong(1, r);
                        row.setString(2, "Cycle " + r);
                        row.setString(3, seq % 20 == 0 ? "VOTE" : "DELIBERATE");
                        row.setLong(4, seq);
                        row.executeUpdate();
                        actor = "officer" + (seq % 7);
                        action = before == null ? "cycle.opened" : "cycle.phaseAdvanced";
                        type = "cycle";
                        id = Integer.toString(r);
                        after = AuditChain.sha256Hex("id=" + id.length() + ":" + id + "\nphase=" + (seq % 20 == 0 ? "4:VOTE"
                                : "10:DELIBERATE") + "\ntitle=" + ("Cycle " + r).length() + ":Cycle " + r
                                + "\nversion=" + Long.toString(seq).length() + ":" + seq + "\n");
                        digests[r] = after;
                        detail = "bench";
                    } else {
                        actor = "resident:" + AuditChain.sha256Hex("bench" + (seq % 50_000)).substring(0, 32);
                        action = "voting.voted";
                        type = "cycle";
                        id = Long.toString(1 + seq % 100);
                        detail = "channel=RESIDENT";
                    }
                    String hash = AuditChain.hash(prev, seq, at, actor, action, type, id, before, after, detail);
                    Object[] v = {seq, at, actor, action, type, id, before, after, detail, prev, hash};
                    for (int i = 0; i < v.length; i++) {
                        entry.setObject(i + 1, v[i]);
                    }
                    entry.addBatch();
                    jsonl.write("{\"seq\":" + seq + ",\"recordedAt\":\"" + at + "\",\"actor\":\"" + actor
                            + "\",\"action\":\"" + action + "\",\"entityType\":\"" + type + "\",\"entityId\":\"" + id
                            + "\",\"beforeDigest\":" + q(before) + ",\"afterDigest\":" + q(after) + ",\"detail\":"
                            + q(detail) + ",\"prevHash\":\"" + prev + "\",\"hash\":\"" + hash + "\",\"withheld\":false}\n");
                    prev = hash;
                    if (seq % 5000 == 0) {
                        entry.executeBatch();
                        c.commit();
                    }
                }
                entry.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("INSERT INTO audit_head VALUES (1, ?, ?)")) {
                head.setLong(1, n);
                head.setString(2, prev);
                head.executeUpdate();
            }
            c.commit();
            // The generator's digests must be what the verifier computes from the stored rows.
            String check = RowDigest.of(c, "cycle", "1");
            System.out.println("row digest check: " + (check.equals(digests[1]) ? "ok" : "MISMATCH " + check));
        }
        System.out.printf("generated %d entries in %.1f s: %s and %s%n", n, (System.nanoTime() - start) / 1e9,
                url, dir.resolve("entries.jsonl"));
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";  // the generated values need no escaping
    }
}
