package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Durability under SIGKILL, on the database of the run (H2 with the application's own settings, read from
 * liberty/server.xml; PostgreSQL in a database of its own). A child JVM ({@link CommitWriter}) commits the casting
 * path's two-row transaction from several threads and is killed with SIGKILL while it does, {@value #KILLS} times;
 * after each kill the database is opened again (on H2 that is H2's crash recovery) and every acknowledged ballot and
 * its register row must be there exactly once, and no ballot without its register row or the other way round.
 *
 * <p>On H2 the file is first churned (ballots written and deleted) with H2's default storage, so that the kills run
 * on a file where H2 has reused free space, as the file of a server that has been in use: the test prints how much it
 * wrote against how big the file stayed. The file size is measured after every kill, and after every reopening
 * (which on H2 ends with the compaction the settings ask for), and must stay bounded.
 *
 * <p>Prints {@code durability <database>: N kills, A acknowledged, L lost} and fails when L &gt; 0 (a line before it gives
 * the time taken and the file sizes).
 * {@code -Ddurability.h2.settings=...} runs it with other H2 settings (to measure them; see docs/operations.md).
 */
class DurabilityIT {

    static final int KILLS = Integer.getInteger("durability.kills", 30);
    private static final int THREADS = 8;
    /** Ballots one writer may cast (cycles of {@link CommitWriter#ACCOUNTS} ballots): more than it can before the kill. */
    private static final long PER_RUN = 10L * CommitWriter.ACCOUNTS;
    private static final long MB = 1024 * 1024;

    private final Random random = new Random(Long.getLong("durability.seed", System.nanoTime()));
    private String url;
    private String user;
    private String password;
    private Path file;
    private long maxSizeAfterKill;
    private long maxSizeReopened;
    private long maxReopenedBeyondRows;
    private long ballotsStored;
    private long cyclesCreated;
    /** H2 only: kills after which an unacknowledged transaction was read half-applied (see {@link #check}). */
    private final List<String> halfApplied = new ArrayList<>();

    @Test
    void everyAcknowledgedBallotSurvivesSigkillExactlyOnce() throws Exception {
        String db = ItSupport.db();
        if ("pg".equals(db)) {
            preparePostgres();
        } else {
            prepareH2();
        }
        migrateAndCreateAccounts();
        String churned = "h2".equals(db) ? churn() : "";

        long started = System.nanoTime();
        long acknowledged = 0;
        long lost = 0;
        int killsLosing = 0;
        List<String> problems = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            long first = kill * PER_RUN;
            createCycles(first + PER_RUN);
            long t0 = System.nanoTime();
            Run run = writeAndKill(first, first + PER_RUN);
            long t1 = System.nanoTime();
            assertTrue(run.acknowledged.size() > 0 && !run.finished,
                    "run " + kill + " was killed while it committed (" + run.acknowledged.size() + " acknowledged, "
                            + run.errors + ")");
            acknowledged += run.acknowledged.size();
            long runLost = check(first, first + PER_RUN, run.acknowledged, problems);
            lost += runLost;
            if (runLost > 0) {
                killsLosing++;
            }
            if (Boolean.getBoolean("durability.trace")) {
                System.out.printf("kill %d: %d acknowledged, %d lost, write+kill %.2f s (ready after %.2f s),"
                        + " check %.2f s%n", kill, run.acknowledged.size(), runLost, (t1 - t0) / 1e9, run.readyAfter,
                        (System.nanoTime() - t1) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String name = "h2".equals(db) ? "H2" : "PostgreSQL";
        System.out.println("DurabilityIT on " + name + ": " + String.format("%.1f", seconds) + " s for the kills"
                + (file == null ? "" : "; file at most " + mb(maxSizeAfterKill) + " after a kill and "
                + mb(maxSizeReopened) + " after reopening; " + churned + "; settings " + h2Settings())
                + "; kills that lost: " + killsLosing);
        System.out.println("durability " + name + ": " + KILLS + " kills, " + acknowledged + " acknowledged, " + lost
                + " lost");
        if (file != null) {
            System.out.println("durability " + name + ": " + halfApplied.size() + " kills left an unacknowledged"
                    + " transaction half-applied (known H2 defect, docs/operations.md)"
                    + (halfApplied.isEmpty() ? "" : ": " + halfApplied));
        }
        assertEquals(List.of(), problems, "every acknowledged ballot is stored exactly once with its register row");
        assertEquals(0, lost, "no acknowledged ballot is lost");
        if (file != null) {
            // compacted at each reopening: the file holds the live rows (a few hundred bytes a ballot), no history
            assertTrue(maxSizeAfterKill < 256 * MB && maxReopenedBeyondRows < 16 * MB,
                    "the H2 file stays bounded: at most " + mb(maxSizeAfterKill) + " after a kill, and after reopening"
                            + " at most " + mb(maxReopenedBeyondRows) + " more than 2 KB a stored ballot");
        }
    }

    /** The integration tests' H2 server runs the application's settings: it.h2.url is the pom's copy of them. */
    @Test
    void theIntegrationTestServerRunsTheApplicationsH2Settings() {
        String itUrl = System.getProperty("it.h2.url");
        org.junit.jupiter.api.Assumptions.assumeTrue(itUrl != null, "run by failsafe, which passes it.h2.url");
        assertEquals(AppH2Settings.settings() + ";AUTO_SERVER=TRUE", itUrl.substring(itUrl.indexOf(';') + 1),
                "pom.xml's it.h2.url has liberty/server.xml's civicloop.h2.settings");
    }

    /** What one writer did before it was killed. */
    private record Run(Set<Long> acknowledged, boolean finished, List<String> errors, double readyAfter) {
    }

    /** Starts a writer for ballots [first, end), lets it commit for 0.1 to 1 s after its first acknowledgements, and kills it with SIGKILL. */
    private Run writeAndKill(long first, long end) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", writerClassPath(),
                CommitWriter.class.getName(), url, user, password, Long.toString(first), Long.toString(end),
                Integer.toString(THREADS))
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "durability-writer.log").toFile()))
                .start();
        Set<Long> acknowledged = new HashSet<>();
        List<String> errors = new ArrayList<>();
        boolean[] state = new boolean[2]; // ready, finished
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (state) {
                        if (line.startsWith("ACK ")) {
                            acknowledged.add(Long.parseLong(line.substring(4)));
                        } else if (line.equals("READY")) {
                            state[0] = true;
                            state.notifyAll();
                        } else if (line.equals("DONE")) {
                            state[1] = true;
                        } else if (errors.size() < 5) {
                            errors.add(line);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the writer was killed
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 60_000;
        synchronized (state) {
            while (!state[0] && System.currentTimeMillis() < deadline && p.isAlive()) {
                state.wait(200);
            }
        }
        double readyAfter = (System.currentTimeMillis() - deadline + 60_000) / 1000.0;
        // the writer is committing (a first few acknowledged) before the random wait starts
        synchronized (state) {
            while (acknowledged.size() < THREADS && System.currentTimeMillis() < deadline && p.isAlive()) {
                state.wait(50);
            }
        }
        Thread.sleep(100 + random.nextInt(900));
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the writer died");
        reader.join(10_000);
        if (file != null) {
            maxSizeAfterKill = Math.max(maxSizeAfterKill, Files.size(mvFile()));
        }
        synchronized (state) {
            assertTrue(state[0], "the writer opened the database: " + errors);
            return new Run(Set.copyOf(acknowledged), state[1], List.copyOf(errors), readyAfter);
        }
    }

    /** Just what the writer needs (its own class and the two JDBC drivers): a small class path starts faster. */
    private static String writerClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(CommitWriter.class, org.h2.Driver.class, org.postgresql.Driver.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * Opens the database again (on H2: its crash recovery), and checks ballots [first, end): every acknowledged one
     * stored once (the receipt is unique too), and ballots and register rows committed together. Answers how many
     * acknowledged ballots are missing.
     */
    private long check(long first, long end, Set<Long> acknowledged, List<String> problems) throws Exception {
        Set<Long> ballots = new HashSet<>();
        Set<Long> registered = new HashSet<>();
        try (Connection c = connect();
             PreparedStatement b = c.prepareStatement("SELECT id, receipt, cycle_id FROM ballot WHERE id >= ? AND"
                     + " id < ?");
             PreparedStatement r = c.prepareStatement("SELECT cycle_id, account_id FROM voter_register WHERE"
                     + " cycle_id >= ? AND cycle_id < ?")) {
            if (file == null) {
                awaitWriterBackendsGone(c);
            }
            // both reads from one snapshot: read one statement apart, a commit landing between them would look like
            // a ballot without its register row
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            b.setLong(1, first);
            b.setLong(2, end);
            try (ResultSet rs = b.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!ballots.add(id) || !CommitWriter.receipt(id).equals(rs.getString(2))
                            || rs.getLong(3) != 1 + id / CommitWriter.ACCOUNTS) {
                        problems.add("ballot " + id + " stored twice or wrongly");
                    }
                }
            }
            r.setLong(1, 1 + first / CommitWriter.ACCOUNTS);
            r.setLong(2, 1 + end / CommitWriter.ACCOUNTS);
            try (ResultSet rs = r.executeQuery()) {
                while (rs.next()) {
                    long n = (rs.getLong(1) - 1) * CommitWriter.ACCOUNTS + rs.getLong(2) - 1;
                    if (!registered.add(n)) {
                        problems.add("register row of ballot " + n + " stored twice");
                    }
                }
            }
        }
        ballotsStored += ballots.size();
        if (file != null) {
            // the last connection is closed: H2 closed the database (and compacted it, if the settings say so)
            long size = Files.size(mvFile());
            maxSizeReopened = Math.max(maxSizeReopened, size);
            maxReopenedBeyondRows = Math.max(maxReopenedBeyondRows, size - 2048 * ballotsStored);
        }
        long missing = 0;
        for (long id : acknowledged) {
            if (!ballots.contains(id) || !registered.contains(id)) {
                missing++;
                if (problems.size() < 20) {
                    problems.add("acknowledged ballot " + id + " lost" + (ballots.contains(id) ? " (register row)"
                            : registered.contains(id) ? " (ballot row)" : ""));
                }
            }
        }
        if (!ballots.equals(registered)) {
            Set<Long> odd = new HashSet<>(ballots);
            odd.addAll(registered);
            Set<Long> both = new HashSet<>(ballots);
            both.retainAll(registered);
            odd.removeAll(both);
            String found = "ballots and register rows not committed together: " + odd.stream().limit(5).toList();
            if (file != null) {
                // A known H2 defect (docs/operations.md, "Durability"): after some kills a transaction that was in
                // flight (never acknowledged) is read half-applied. It is counted and printed, not hidden; on
                // PostgreSQL it fails the test.
                halfApplied.add(found);
            } else {
                problems.add(found);
            }
        }
        return missing;
    }

    /**
     * On PostgreSQL the killed writer's server processes outlive it until the server notices the closed socket, and a
     * commit the writer sent just before it died may still land then: the state after the crash is final only once
     * they are gone.
     */
    private static void awaitWriterBackendsGone(Connection c) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        try (PreparedStatement others = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname ="
                + " current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            while (true) {
                try (ResultSet rs = others.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                assertTrue(System.currentTimeMillis() < deadline, "the killed writer's connections closed within 30 s");
                Thread.sleep(20);
            }
        }
    }

    private void preparePostgres() throws Exception {
        String host = System.getProperty("it.pg.host", "127.0.0.1");
        String port = System.getProperty("it.pg.port", "5432");
        String db = System.getProperty("it.pg.db", "civicloop_it") + "_durability";
        user = System.getProperty("it.pg.user", "postgres");
        password = "";
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + db);
        }
        url = "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    private void prepareH2() throws Exception {
        Path dir = Path.of(System.getProperty("durability.dir", "target/durability-h2")).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        file = dir.resolve("civicloop");
        url = "jdbc:h2:file:" + file + ";" + h2Settings();
        user = "civicloop";
        password = "civicloop";
    }

    /** The application's H2 settings (liberty/server.xml), unless -Ddurability.h2.settings asks for others. */
    private static String h2Settings() {
        return System.getProperty("durability.h2.settings", AppH2Settings.settings());
    }

    private Path mvFile() {
        return Path.of(file + ".mv.db");
    }

    private void migrateAndCreateAccounts() throws Exception {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .failOnMissingLocations(true).load().migrate();
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO account (id, username, display_name,"
                     + " password_hash, roles, created_at) VALUES (?, ?, 'Durability', 'x', 'RESIDENT', ?)")) {
            c.setAutoCommit(false);
            for (int a = 1; a <= CommitWriter.ACCOUNTS; a++) {
                ps.setLong(1, a);
                ps.setString(2, "durability-" + a);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** Cycles 1.. for ballots [0, end) ({@link CommitWriter#ACCOUNTS} ballots a cycle). */
    private void createCycles(long end) throws Exception {
        long needed = 1 + (end - 1) / CommitWriter.ACCOUNTS;
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO cycle (id, council, title, currency, phase,"
                     + " created_at, created_by) VALUES (?, 'Durability', ?, 'EUR', 'VOTE', ?, 'durability')")) {
            for (long id = cyclesCreated + 1; id <= needed; id++) {
                ps.setLong(1, id);
                ps.setString(2, "Durability " + id);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        }
        cyclesCreated = Math.max(cyclesCreated, needed);
    }

    /**
     * Makes the H2 file one that has reused free space, as the file of a server that has been in use: with H2's
     * default storage (the application's settings without REUSE_SPACE and DEFRAG_ALWAYS, as older versions of
     * CivicLoop ran), rounds of ballots are committed one by one and then deleted, and the database is closed normally
     * (H2 compacts for up to 200 ms then). When the bytes H2 wrote add up to several
     * times the file size, the file reused its free space. Answers the figures for the report line.
     */
    private String churn() throws Exception {
        String defaults = url.replace(";REUSE_SPACE=FALSE", "").replace(";DEFRAG_ALWAYS=TRUE", "")
                + ";MAX_COMPACT_TIME=0";
        long cycleBase = 1_000_000;
        long written = 0;
        long maxSize = 0;
        for (int round = 0; round < 4; round++) {
            try (Connection c = DriverManager.getConnection(defaults, user, password);
                 Statement st = c.createStatement()) {
                // space freed by this session is free at once (not kept 45 s for readers), as in a server that runs
                st.execute("SET RETENTION_TIME 0");
                long cycle = cycleBase + round;
                st.executeUpdate("INSERT INTO cycle (id, council, title, currency, phase, created_at, created_by)"
                        + " VALUES (" + cycle + ", 'Churn', 'Churn', 'EUR', 'VOTE', CURRENT_TIMESTAMP, 'churn')");
                try (PreparedStatement r = c.prepareStatement("INSERT INTO voter_register (cycle_id, channel,"
                        + " account_id) VALUES (?, 'RESIDENTS', ?)");
                     PreparedStatement b = c.prepareStatement("INSERT INTO ballot (id, cycle_id, channel, receipt,"
                             + " ranking, cast_on) VALUES (?, ?, 'RESIDENTS', ?, ?, CURRENT_DATE)")) {
                    c.setAutoCommit(false);
                    for (int a = 1; a <= CommitWriter.ACCOUNTS; a++) {
                        long id = -(cycle * CommitWriter.ACCOUNTS + a);
                        r.setLong(1, cycle);
                        r.setLong(2, a);
                        r.executeUpdate();
                        b.setLong(1, id);
                        b.setLong(2, cycle);
                        b.setString(3, "C" + id);
                        b.setString(4, "x".repeat(200 + a % 300));
                        b.executeUpdate();
                        c.commit();
                    }
                    // keep every fourth ballot of the round, delete the rest in small transactions
                    for (int a = 1; a <= CommitWriter.ACCOUNTS; a += 50) {
                        st.executeUpdate("DELETE FROM ballot WHERE cycle_id = " + cycle + " AND MOD(id, 4) <> 0"
                                + " AND id <= " + -(cycle * CommitWriter.ACCOUNTS + a) + " AND id > "
                                + -(cycle * CommitWriter.ACCOUNTS + a + 50));
                        c.commit();
                    }
                }
                written += bytesWritten(c);
                st.execute("SET RETENTION_TIME 45000");
                maxSize = Math.max(maxSize, Files.size(mvFile()));
            }
        }
        long size = Files.size(mvFile());
        String figures = "churn wrote " + mb(written) + " into a file of at most " + mb(maxSize) + ", now " + mb(size);
        assertTrue(written > 3 * maxSize, "the churn reused free space in the file: " + figures);
        return figures;
    }

    /** Bytes H2 has written to the file since the database was opened (MVStore's own count, not public). */
    private static long bytesWritten(Connection c) throws Exception {
        var session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        var store = session.getDatabase().getStore().getMvStore().getFileStore();
        var field = org.h2.mvstore.FileStore.class.getDeclaredField("writeBytes");
        field.setAccessible(true);
        return ((java.util.concurrent.atomic.AtomicLong) field.get(store)).get();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, user, password);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (double) MB);
    }
}
