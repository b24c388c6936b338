package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The offline verifier's command line: JSON verdict, exit code 0 (valid), 1 (broken) or 2 (cannot run). */
class VerifyAuditCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifiesADatabaseAndSaysWhenItIsBroken() throws Exception {
        String url = "jdbc:h2:mem:verify" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE audit_entry (seq BIGINT PRIMARY KEY, recorded_at VARCHAR(40), actor VARCHAR(80),"
                    + " action VARCHAR(80), entity_type VARCHAR(60), entity_id VARCHAR(80), before_digest VARCHAR(64),"
                    + " after_digest VARCHAR(64), detail VARCHAR(4000), prev_hash VARCHAR(64), hash VARCHAR(64))");
            BallotTables.create(st);
            st.execute("CREATE TABLE audit_head (id INT PRIMARY KEY, seq BIGINT, hash VARCHAR(64))");
            String h1 = AuditChain.hash(AuditChain.GENESIS, 1, "t1", "officer", "note", "cycle", "1", null, null, "x");
            st.execute("INSERT INTO audit_entry VALUES (1, 't1', 'officer', 'note', 'cycle', '1', NULL, NULL, 'x', '"
                    + AuditChain.GENESIS + "', '" + h1 + "')");
            st.execute("INSERT INTO audit_head VALUES (1, 1, '" + h1 + "')");

            Run valid = run("--jdbc", url);
            assertEquals(0, valid.code(), valid.err());
            assertTrue(valid.out().contains("\"valid\": true") && valid.out().contains(h1), valid.out());

            st.execute("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1");
            Run broken = run("--jdbc", url);
            assertEquals(1, broken.code());
            assertTrue(broken.out().contains("\"valid\": false") && broken.out().contains("\"firstBrokenEntry\": 1"),
                    broken.out());
        }
    }

    @Test
    void badUsageAndUnreachableDatabasesExitWithTwo() {
        assertEquals(2, run().code());
        assertEquals(2, run("--jdbc").code());
        assertEquals(2, run("--bogus", "x").code());
        Run unreachable = run("--jdbc", "jdbc:h2:mem:empty" + System.nanoTime());
        assertEquals(2, unreachable.code(), "no audit tables: " + unreachable.out());
        assertTrue(unreachable.err().contains("Cannot read the audit log"), unreachable.err());
    }
}
