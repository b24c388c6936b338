package org.civicloop.audit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.audit.chain.ChainVerifier;
import org.civicloop.audit.chain.IncrementalVerifier;

/**
 * The cost of the public audit check ({@link IncrementalVerifier}, what {@code GET /api/v1/audit/verify} runs) on a
 * chain made by {@link AuditChainGenerator}: the first call (the whole chain, done once when a server starts), then
 * CALLS calls with NEW entries appended before each (a busy log), and the percentiles of those calls.
 * <pre>
 * java -cp target/test-classes:target/civicloop-tools.jar org.civicloop.audit.bench.PublicCheckBench DIR [CALLS] [NEW]
 * </pre>
 */
public final class PublicCheckBench {

    private PublicCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + java.nio.file.Path.of(args[0]).toAbsolutePath().resolve("audit")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int fresh = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            IncrementalVerifier v = new IncrementalVerifier();
            long t0 = System.nanoTime();
            ChainVerifier.Verdict first = v.verify(c);
            System.out.printf("first call (whole chain, %d entries): %.0f ms, valid=%s%n", first.entries(),
                    (System.nanoTime() - t0) / 1e6, first.valid());
            long seq;
            String head;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT seq, hash FROM audit_head WHERE id = 1")) {
                rs.next();
                seq = rs.getLong(1);
                head = rs.getString(2);
            }
            double[] ms = new double[calls];
            try (PreparedStatement add = c.prepareStatement("INSERT INTO audit_entry VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement move = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
                for (int i = 0; i < calls; i++) {
                    for (int k = 0; k < fresh; k++) {
                        seq++;
                        String at = java.time.Instant.ofEpochSecond(1_800_000_000L + seq).toString();
                        String actor = "resident:" + AuditChain.sha256Hex("b" + seq).substring(0, 32);
                        String hash = AuditChain.hash(head, seq, at, actor, "voting.voted", "cycle", "1", null, null,
                                "channel=RESIDENT");
                        Object[] row = {seq, at, actor, "voting.voted", "cycle", "1", null, null, "channel=RESIDENT",
                                head, hash};
                        for (int j = 0; j < row.length; j++) {
                            add.setObject(j + 1, row[j]);
                        }
                        add.executeUpdate();
                        head = hash;
                    }
                    move.setLong(1, seq);
                    move.setString(2, head);
                    move.executeUpdate();
                    long s = System.nanoTime();
                    ChainVerifier.Verdict verdict = v.verify(c);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    if (!verdict.valid()) {
                        throw new IllegalStateException(verdict.problems().toString());
                    }
                }
            }
            Arrays.sort(ms);
            System.out.printf("%d calls, %d new entries before each, on a chain of %d+: p50 %.2f ms, p95 %.2f ms,"
                    + " max %.2f ms%n", calls, fresh, first.entries(), ms[calls / 2], ms[(int) (calls * 0.95)],
                    ms[calls - 1]);
        }
    }
}
