package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.load.BallotLoad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: a Liberty server of its own (on a fresh database of the run's kind: H2 with the application's settings,
 * or a PostgreSQL database named after it.pg.db) takes a ballot
 * load and is killed with SIGKILL halfway; after a restart every acknowledged ballot is there exactly once, no
 * ballot is without its register entry or the other way round, and the audit chain verifies. A jury draw the server
 * was running when it died is reported FAILED, interrupted, once it has started again (JuryDrawRunner's start-up
 * marking; TwoNodeIT and JuryIT test the heartbeat's).
 */
class CrashSafetyIT {

    private static final Path WLP = Path.of("target", "liberty", "wlp");
    private static final String SERVER = System.getProperty("it.crash.server", "civicloop-crash") + "-"
            + ItSupport.db();
    private static final int PORT = Integer.getInteger("it.crash.http.port", 9183) + ("pg".equals(ItSupport.db()) ? 10 : 0);
    private static final int HTTPS_PORT = Integer.getInteger("it.crash.https.port", 9546)
            + ("pg".equals(ItSupport.db()) ? 10 : 0);
    /**
     * HTTP/1.1: Java's client otherwise asks for an HTTP/2 upgrade, and when it gives up on a slow answer Liberty logs
     * an FFDC for the closed stream (which the first-start check would then count).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Voters of the load (each registers and signs in through the pages: two password hashes on the server). The kill
     * comes halfway through the casting, with the 12 clients' ballots in flight, whatever the number of voters: 96
     * give 48 acknowledged or in flight before it and 48 refused connections after it. (It was 240, and signing them
     * up was most of the class's time.)
     */
    private static final int VOTERS = Integer.getInteger("it.crash.voters", 96);

    private final String base = "http://localhost:" + PORT;
    private String jdbcUrl;

    @AfterEach
    void stopServer() throws Exception {
        run(WLP.resolve("bin/server").toString(), "stop", SERVER);
    }

    @Test
    void everyAcknowledgedBallotSurvivesAKilledServerExactlyOnce() throws Exception {
        createServer();
        start();
        long up = System.nanoTime();
        long cycle = new BallotLoad(base).cycleTitled("Youth spaces fund");
        BallotLoad load = new BallotLoad(base);
        List<String> sessions = load.signUp("crash", VOTERS, 4);
        assertFirstStartLoggedNoFailure(up);
        long ballotsBefore = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'", cycle);
        long auditedBefore = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'voting.voted'"
                + " AND entity_type = 'voter_register' AND detail = ?", "cycle=" + cycle + "; channel=RESIDENTS");
        long registerBefore = count("SELECT COUNT(*) FROM voter_register WHERE cycle_id = ? AND channel = 'RESIDENTS'",
                cycle);
        long drawing = juryDrawRunningWhenTheServerDies();

        BallotLoad.Report report = load.cast(cycle, sessions, 12, 7, this::kill);
        assertTrue(report.cast() > 0 && report.failed() > 0,
                "the server died during the load: " + report.json());
        assertEquals(0, report.refused(), "no submission was refused before the crash: " + report.errors());

        start();
        assertDrawReportedInterrupted(drawing);
        long stored = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'", cycle)
                - ballotsBefore;
        long registered = count("SELECT COUNT(*) FROM voter_register WHERE cycle_id = ? AND channel = 'RESIDENTS'",
                cycle) - registerBefore;
        List<String> notOnce = new ArrayList<>();
        for (String receipt : report.receipts()) {
            long copies = count("SELECT COUNT(*) FROM ballot WHERE receipt = ?", receipt);
            if (copies != 1) {
                notOnce.add(receipt + " (stored " + copies + " times, acknowledged as number "
                        + (report.receipts().indexOf(receipt) + 1) + ")");
            }
        }
        assertEquals(List.of(), notOnce, "every one of the " + report.cast() + " acknowledged ballots is stored exactly"
                + " once; ballots stored now: " + (count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel"
                + " = 'RESIDENTS'", cycle) - ballotsBefore));
        assertTrue(stored >= report.cast() && stored <= report.cast() + report.failed(),
                "stored " + stored + ": every acknowledged ballot, and at most those in flight at the crash besides");
        assertEquals(stored, registered, "a ballot and its register entry are committed together or not at all");
        // Entries of ballots committed before the crash but not yet chained are chained after the restart.
        jakarta.json.JsonObject verdict = ItSupport.awaitChained(new java.net.URL(base));
        assertTrue(verdict.getBoolean("valid") && verdict.getJsonNumber("queued").longValue() == 0,
                verdict.toString());
        assertEquals(stored, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'voting.voted'"
                + " AND entity_type = 'voter_register' AND detail = ?", "cycle=" + cycle + "; channel=RESIDENTS") - auditedBefore,
                "every stored ballot, and only those, has its entry in the audit chain");
    }

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);

    /**
     * A jury draw this server is running when it dies: a real draw of the demo library jury names the server in its
     * shared status (jury_draw_run.node), which is then set back to RUNNING (the server's heartbeat keeps it alive).
     * Only the server's start-up marking writes FAILED into that row: a heartbeat silent for 90 s makes the status
     * read as FAILED but changes nothing stored. Answers the cycle.
     */
    private long juryDrawRunningWhenTheServerDies() throws Exception {
        java.net.URL url = new java.net.URL(base);
        long library = ItSupport.cycleTitled(url, "Library opening hours");
        String cy = "/api/v1/cycles/" + library + "/jury";
        assertEquals(201, ItSupport.postJson(url, cy + "/commitment", "{\"size\":4,\"seed\":\"crash\"}",
                "Authorization", OFFICER).status());
        assertEquals(202, ItSupport.post(url, cy + "/draw", "application/json", "", "Authorization", OFFICER).status());
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("SELECT COUNT(*) FROM jury_draw_run WHERE cycle_id = ? AND state = 'DONE'", library) == 0
                && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("UPDATE jury_draw_run SET state = 'RUNNING', progress = '',"
                     + " finished_at = NULL, refusal = NULL, refusal_args = NULL, heartbeat_at = ? WHERE cycle_id = ?"
                     + " AND state = 'DONE'")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600)));
            ps.setLong(2, library);
            assertEquals(1, ps.executeUpdate(), "the library draw was done, and is now running on this server");
        }
        jakarta.json.JsonObject running = ItSupport.get(url, cy + "/draw", "Authorization", OFFICER).json();
        assertEquals("RUNNING", running.getString("state"), running.toString());
        return library;
    }

    /** After the restart, the draw the server was running is FAILED, interrupted, in the database and over the API. */
    private void assertDrawReportedInterrupted(long cycle) throws Exception {
        assertEquals(1, count("SELECT COUNT(*) FROM jury_draw_run WHERE cycle_id = ? AND state = 'FAILED' AND refusal"
                + " = 'refused.jury.interrupted'", cycle), "the server marked its lost draw when it started again");
        ItSupport.Reply status = ItSupport.get(new java.net.URL(base), "/api/v1/cycles/" + cycle + "/jury/draw",
                "Authorization", OFFICER);
        assertEquals("FAILED", status.json().getString("state"), status.body());
        assertTrue(status.json().getString("reason").contains("interrupted"), status.body());
    }

    private void kill() {
        try {
            String pid = Files.readString(WLP.resolve("usr/servers/.pid/" + SERVER + ".pid")).strip();
            new ProcessBuilder("kill", "-9", pid).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A server of its own: the application's configuration and WAR, on a fresh database. */
    private void createServer() throws Exception {
        Path dir = WLP.resolve("usr/servers/" + SERVER);
        run(WLP.resolve("bin/server").toString(), "stop", SERVER);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir.resolve("dropins"));
        Files.copy(Path.of("liberty/server.xml"), dir.resolve("server.xml"));
        ItSupport.writeJvmOptions(dir);
        Files.copy(Path.of("target/civicloop.war"), dir.resolve("dropins/civicloop.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> props = new HashMap<>();
        props.put("http.port", Integer.toString(PORT));
        props.put("https.port", Integer.toString(HTTPS_PORT));
        props.put("civicloop.jdbc.dir", Path.of("target/jdbc").toAbsolutePath().toString());
        props.put("civicloop.password.iterations", System.getProperty("it.password.iterations", "1024"));
        if ("pg".equals(ItSupport.db())) {
            String db = System.getProperty("it.pg.db", "civicloop_it") + "_crash";
            String admin = "jdbc:postgresql://" + System.getProperty("it.pg.host", "127.0.0.1") + ":"
                    + System.getProperty("it.pg.port", "5432") + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, System.getProperty("it.pg.user", "postgres"), "");
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + db);
            }
            jdbcUrl = admin.replace("/postgres", "/" + db);
            props.put("civicloop.db.url", jdbcUrl);
            props.put("civicloop.db.datasource", "org.postgresql.ds.PGSimpleDataSource");
            props.put("civicloop.db.user", System.getProperty("it.pg.user", "postgres"));
            props.put("civicloop.db.password", "unused");
        } else {
            Path data = Path.of("target", "crash-data").toAbsolutePath();
            try (var files = Files.exists(data) ? Files.walk(data) : java.util.stream.Stream.<Path>empty()) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            // the application's own H2 settings (liberty/server.xml), and AUTO_SERVER to count while it runs
            jdbcUrl = AppH2Settings.url(data.resolve("civicloop")) + ";AUTO_SERVER=TRUE";
            props.put("civicloop.db.url", jdbcUrl);
        }
        StringBuilder bootstrap = new StringBuilder();
        props.forEach((k, v) -> bootstrap.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(dir.resolve("bootstrap.properties"), bootstrap);
        // Liberty needs a keystore and LTPA password (as liberty-maven-plugin writes for its servers).
        Files.writeString(dir.resolve("server.env"), "keystore_password=" + java.util.UUID.randomUUID()
                + "\nltpa_keys_password=" + java.util.UUID.randomUUID() + "\n");
    }

    /**
     * The first start on an empty database (migrations, first administrator, demo council, the background jobs' first
     * runs, looked at 5 s after the server answered, once the voters have signed up) logs no failure: no FFDC
     * incident and no message of severity E in messages.log. (It used to: the jury
     * draws' start-up check read jury_draw_run before the migrations had created it.)
     */
    private void assertFirstStartLoggedNoFailure(long up) throws Exception {
        // the background jobs' first runs: the audit sequencer after 1 s, the checkpoints after 3 s; the voters' sign-up
        // (which the log may show too) usually takes longer than the 5 s waited for here
        Thread.sleep(Math.max(0, 5000 - (System.nanoTime() - up) / 1_000_000));
        Path logs = WLP.resolve("usr/servers/" + SERVER + "/logs");
        List<String> failures = new ArrayList<>(StartLog.failures(logs));
        assertEquals(List.of(), failures, "the first start on an empty " + ItSupport.db() + " database logged a failure");
    }

    /** Starts the server and waits until the application answers (the demo data is loaded on first start). */
    private void start() throws Exception {
        assertEquals(0, run(WLP.resolve("bin/server").toString(), "start", SERVER), "server start");
        // generous: on a machine busy with other builds a start took over four minutes
        long deadline = System.nanoTime() + Duration.ofSeconds(480).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // a long wait for the answer: a request given up while the server starts is logged there as a failure
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cycles"))
                        .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("Youth spaces fund")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the crash-test server did not come up");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "crash-server.log").toFile()))
                .start();
        return p.waitFor();
    }

    private Connection connect() throws Exception {
        String user = "pg".equals(ItSupport.db()) ? System.getProperty("it.pg.user", "postgres") : "civicloop";
        String password = "pg".equals(ItSupport.db()) ? "" : "civicloop";
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private long count(String sql, Object... args) throws Exception {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
