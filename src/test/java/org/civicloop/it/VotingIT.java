package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Casting ballots: one person, one ballot per channel, even when submissions race; jurors only in their own jury. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OwnDeployment("the campaign watch counts this server's arrivals of a ranking in memory, and the spread-burst test"
        + " counts from a ranking this server has not seen (failed on PostgreSQL after other classes voted)")
class VotingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private long votingCycle() throws Exception {
        return ItSupport.cycleInPhase(base, "VOTE");
    }

    private static long count(String sql, Object... args) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void racingSubmissionsOfOnePersonStoreExactlyOneBallot() throws Exception {
        long id = votingCycle();
        long ballotsBefore = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'", id);
        String auth = basic("resident13", ItSupport.DEMO_PASSWORD);
        String body = "{\"channel\":\"RESIDENTS\",\"ranking\":[\"Y2\",\"Y1\"]}";
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<Future<ItSupport.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Callable<ItSupport.Reply> cast = () -> postJson(base, "/api/v1/cycles/" + id + "/ballots", body,
                    "Authorization", auth);
            replies.add(pool.submit(cast));
        }
        int created = 0;
        int refused = 0;
        for (Future<ItSupport.Reply> f : replies) {
            ItSupport.Reply r = f.get();
            if (r.status() == 201) {
                created++;
                assertTrue(r.json().getString("receipt").matches("R-[A-Z2-9]{12}"), r.body());
            } else {
                assertEquals(409, r.status(), "every other attempt gets a clear answer: " + r.body());
                assertTrue(r.contentType().startsWith("application/problem+json"));
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(99, refused);
        assertEquals(ballotsBefore + 1,
                count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'", id));
        assertEquals(1, count("SELECT COUNT(*) FROM voter_register r JOIN account a ON a.id = r.account_id"
                + " WHERE r.cycle_id = ? AND r.channel = 'RESIDENTS' AND a.username = 'resident13'", id));
    }

    @Test
    void aBurstOfIdenticalRankingsIsFlaggedNotDropped() throws Exception {
        long id = votingCycle();
        org.civicloop.load.BallotLoad load = new org.civicloop.load.BallotLoad(base.toString());
        List<String> sessions = load.signUp("campaign" + ItSupport.db(), 6, 3);
        long flaggedBefore = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND flagged = TRUE", id);
        long ballotsBefore = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'", id);
        for (String session : sessions) {
            assertEquals(201, load.castOne(id, session, List.of("Y3", "Y4", "Y1", "Y2")));
        }
        assertEquals(ballotsBefore + 6, count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'",
                id), "every ballot is kept");
        long flagged = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND flagged = TRUE", id) - flaggedBefore;
        assertTrue(flagged >= 2 && flagged <= 6, "the fifth identical ranking in the window and later ones are"
                + " flagged for an officer: " + flagged);
        // The officer sees which ballots: receipt, day and ranking (by title), never who cast them.
        String workspace = new WebSession(base).signedIn("officer", ItSupport.DEMO_PASSWORD)
                .get("/officer/cycle.xhtml?id=" + id).body();
        int at = workspace.indexOf("id=\"flagged-ballots\"");
        assertTrue(at > 0, "the flagged ballots are listed");
        String table = workspace.substring(at, workspace.indexOf("</table>", at));
        try (java.sql.Connection c = ItSupport.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT receipt FROM ballot WHERE cycle_id = ? AND flagged = TRUE AND superseded = FALSE")) {
            ps.setLong(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertTrue(table.contains("<code>" + rs.getString(1) + "</code>"), rs.getString(1) + " in " + table);
                }
                assertEquals(rows, table.split("<tr>").length - 2, "one row per flagged ballot: " + table);
            }
        }
        assertTrue(!table.contains("campaign" + ItSupport.db()), "no voter is named");
        assertTrue(table.contains(" &gt; ") || table.contains(" > "), "the ranking written out: " + table);
        // The arrivals reach the shared database within about a second (what a second server reads), never with who.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (count("SELECT COUNT(*) FROM campaign_arrival WHERE cycle_id = ?", id) < 6
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(count("SELECT COUNT(*) FROM campaign_arrival WHERE cycle_id = ?", id) >= 6,
                "every arrival is written to the database");
        assertEquals(0, count("SELECT COUNT(*) FROM campaign_arrival WHERE cycle_id = ? AND server_run IS NULL", id),
                "each written arrival names the server run that counted it");
    }

    @Test
    void aBurstSpreadOverServersIsFlaggedOnceTheRankingComesBack() throws Exception {
        long id = votingCycle();
        List<String> ranking = List.of("Y2", "Y4");
        // Three arrivals of this ranking written by another server (what it writes once a second).
        String digest = org.civicloop.audit.chain.AuditChain.sha256Hex(id + "|" + String.join(",", ranking));
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_arrival"
                + " (cycle_id, ranking_digest, minute_start, server_run) VALUES (?, ?, ?, 'another-server')")) {
            for (int i = 0; i < 3; i++) {
                ps.setLong(1, id);
                ps.setString(2, digest);
                ps.setTimestamp(3, java.sql.Timestamp.from(java.time.Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        org.civicloop.load.BallotLoad load = new org.civicloop.load.BallotLoad(base.toString());
        List<String> sessions = load.signUp("spread" + ItSupport.db(), 2, 2);
        long flaggedBefore = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND flagged = TRUE", id);
        assertEquals(201, load.castOne(id, sessions.get(0), ranking));
        assertEquals(flaggedBefore, count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND flagged = TRUE", id),
                "a ranking this server sees for the first time is not looked up elsewhere (4 in all)");
        assertEquals(201, load.castOne(id, sessions.get(1), ranking));
        assertEquals(flaggedBefore + 1, count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND flagged = TRUE",
                id), "its second arrival here adds the other server's three: the fifth in the window is flagged");
    }

    @Test
    void onlyThisCyclesJurorsVoteInTheJuryChannel() throws Exception {
        long id = votingCycle();
        ItSupport.Reply outsider = postJson(base, "/api/v1/cycles/" + id + "/ballots",
                "{\"channel\":\"JURY\",\"ranking\":[\"Y1\"]}", "Authorization", basic("resident01", ItSupport.DEMO_PASSWORD));
        assertEquals(403, outsider.status(), "a juror of another cycle: " + outsider.body());
        ItSupport.Reply officer = postJson(base, "/api/v1/cycles/" + id + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[\"Y1\"]}", "Authorization", basic("officer", ItSupport.DEMO_PASSWORD));
        assertEquals(403, officer.status(), "officers do not vote: " + officer.body());
    }

    @Test
    void invalidBallotsAreRefusedAndNothingIsStored() throws Exception {
        long id = votingCycle();
        long before = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ?", id);
        String auth = basic("resident12", ItSupport.DEMO_PASSWORD);
        ItSupport.Reply unknown = postJson(base, "/api/v1/cycles/" + id + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[\"Y1\",\"NOPE\"]}", "Authorization", auth);
        assertEquals(400, unknown.status(), unknown.body());
        ItSupport.Reply twice = postJson(base, "/api/v1/cycles/" + id + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[\"Y1\",\"Y1\"]}", "Authorization", auth);
        assertEquals(400, twice.status(), twice.body());
        ItSupport.Reply empty = postJson(base, "/api/v1/cycles/" + id + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[]}", "Authorization", auth);
        assertEquals(400, empty.status(), empty.body());
        assertEquals(before, count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ?", id));
    }

    @Test
    void aClosedVoteTakesNoBallots() throws Exception {
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        ItSupport.Reply r = postJson(base, "/api/v1/cycles/" + closed + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[\"A\"]}", "Authorization", basic("resident12", ItSupport.DEMO_PASSWORD));
        assertEquals(409, r.status(), r.body());
    }
}
