package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicloop.audit.chain.ChainVerifier;
import org.civicloop.audit.chain.VerifyAuditCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backup and restore commands of docs/operations.md, run for real: {@code pg_dump -Fc} of the running
 * server's database, {@code pg_restore} into a fresh database, then the offline audit verifier on the copy. The
 * dump is taken in the same snapshot in which the original's rows are counted and its chain verified, so the copy
 * must match exactly, table by table, while the server keeps running.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "pg", disabledReason = "pg_dump and pg_restore are PostgreSQL's")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private final String host = System.getProperty("it.pg.host", "127.0.0.1");
    private final String port = System.getProperty("it.pg.port", "5432");
    private final String user = System.getProperty("it.pg.user", "postgres");
    private final String db = System.getProperty("it.pg.db", "civicloop_it");
    private final String copy = db + "_restored";

    @Test
    void aDumpRestoresIntoAFreshDatabaseWithEveryRowAndAVerifiedChain() throws Exception {
        assertTrue(ItSupport.get(base, "/api/v1/audit/verify").json().getBoolean("valid"));
        Path dump = Path.of("target", "backup", db + ".dump").toAbsolutePath();
        Files.createDirectories(dump.getParent());
        Files.deleteIfExists(dump);

        Map<String, Long> original;
        ChainVerifier.Verdict originalChain;
        try (Connection c = ItSupport.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            original = counts(c);
            originalChain = ChainVerifier.verify(c);
            // the documented command, pinned to this snapshot
            run("pg_dump", "-h", host, "-p", port, "-U", user, "-Fc", "--snapshot=" + snapshot, "-f",
                    dump.toString(), db);
            c.commit();
        }
        assertTrue(originalChain.valid() && originalChain.entries() > 0, "the original has a valid, non-empty chain");
        assertTrue(Files.size(dump) > 0);

        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + copy);
        }
        try {
            run("pg_restore", "-h", host, "-p", port, "-U", user, "--no-owner", "--exit-on-error", "-d", copy,
                    dump.toString());
            String copyUrl = "jdbc:postgresql://" + host + ":" + port + "/" + copy;
            try (Connection c = DriverManager.getConnection(copyUrl, user, "")) {
                assertEquals(original, counts(c), "every table has the same number of rows");
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = VerifyAuditCommand.run(new String[]{"--jdbc", copyUrl, "--user", user},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String verdict = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, "verify-audit on the restored copy: " + verdict + err.toString(StandardCharsets.UTF_8));
            assertTrue(verdict.contains("\"entries\": " + originalChain.entries()), verdict);
            assertTrue(verdict.contains("\"head\": \"" + originalChain.head() + "\""),
                    "the copy ends on the same chain head: " + verdict);
        } finally {
            try (Connection admin = admin(); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
            }
        }
    }

    private Connection admin() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, "");
    }

    /** Rows per table of the application's schema (Flyway's history included). */
    private static Map<String, Long> counts(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(tables.size() > 10, "the schema has its tables: " + tables);
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(t, rs.getLong(1));
            }
        }
        return counts;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " failed: " + output);
    }
}
