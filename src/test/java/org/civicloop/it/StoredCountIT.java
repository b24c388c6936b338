package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.civicloop.load.BallotLoad;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The count has an owner: closing the vote (the use case, VOTE to DECIDE) counts each channel once and stores it,
 * audited with the box's root and the result's digest; the results then read the stored count, so a ballot row
 * changed in the database afterwards does not change what is published, while the recount endpoint, counting the box
 * afresh, reports the mismatch. The demo's completed cycle has its stored count from the start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoredCountIT {

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
    }

    private static void sql(String sql, Object... args) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<String> column(String sql, Object... args) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** A published greedy cycle of its own in VOTE (budget 20,000), options A, B, C of 10,000 each. */
    private static long votingCycle() throws Exception {
        long id = newId();
        Timestamp then = Timestamp.from(Instant.now().minusSeconds(86_400 * 10));
        sql("INSERT INTO cycle (id, council, title, question, currency, phase, published, demo, created_at,"
                + " created_by, version, mandate_published_at, budget_amount, counting_rule, resident_ballot)"
                + " VALUES (?, 'IT Council', ?, 'What should we fund?', 'GBP', 'VOTE', TRUE, FALSE, ?, 'officer', 0,"
                + " ?, 20000, 'GREEDY', TRUE)", id, "Stored count " + ItSupport.db() + " " + id, then, then);
        for (String[] o : new String[][]{{"A", "Skate park"}, {"B", "Bus shelters"}, {"C", "Benches"}}) {
            sql("INSERT INTO budget_option (id, cycle_id, code, title, cost, created_at) VALUES (?, ?, ?, ?, 10000, ?)",
                    newId(), id, o[0], o[1], Timestamp.from(Instant.now()));
        }
        return id;
    }

    private JsonObject results(long cycle) throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/cycles/" + cycle + "/results", "Accept-Language", "en");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private JsonObject recount(long cycle) throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/cycles/" + cycle + "/recount");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonObject channel(JsonObject recount, String channel) {
        return recount.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("channel").equals(channel)).findFirst().orElseThrow();
    }

    @Test
    void closingTheVoteStoresTheCountWhichThePublishedResultsKeepWhateverHappensToTheBallotRows() throws Exception {
        long cycle = votingCycle();
        BallotLoad load = new BallotLoad(base.toString());
        String prefix = "sc" + ItSupport.db() + (newId() % 1_000_000);
        List<String> sessions = load.signUp(prefix, 4, 2);
        // three of them are the jury (drawn, as the draw would have left them)
        String[][] jury = {{"A", "B"}, {"A", "C"}, {"B", "A"}};
        for (int i = 0; i < jury.length; i++) {
            String account = column("SELECT id FROM account WHERE username = ?", prefix + "-" + i).get(0);
            sql("INSERT INTO volunteer (id, cycle_id, account_id, status, consent, created_at) VALUES (?, ?, ?,"
                    + " 'SELECTED', TRUE, ?)", newId(), cycle, Long.parseLong(account), Timestamp.from(Instant.now()));
            ItSupport.Reply cast = postJson(base, "/api/v1/cycles/" + cycle + "/ballots", "{\"channel\":\"JURY\","
                    + "\"ranking\":[\"" + String.join("\",\"", jury[i]) + "\"]}", "Cookie", sessions.get(i),
                    "X-CivicLoop-Request", "it");
            assertEquals(201, cast.status(), cast.body());
        }
        for (String session : sessions) {
            assertEquals(201, load.castOne(cycle, session, List.of("C", "B")));
        }
        assertEquals(409, get(base, "/api/v1/cycles/" + cycle + "/results").status(), "not counted while open");
        assertEquals(409, get(base, "/api/v1/cycles/" + cycle + "/recount").status());
        assertEquals(List.of(), column("SELECT id FROM stored_count WHERE cycle_id = ?", cycle), "nothing stored yet");

        ItSupport.Reply closed = postJson(base, "/api/v1/cycles/" + cycle + "/advance", "{\"from\":\"VOTE\"}",
                "Authorization", OFFICER);
        assertEquals(200, closed.status(), closed.body());

        // stored once per channel, in the phase change, audited with the root and the result's digest
        assertEquals(List.of("JURY", "RESIDENTS"), column("SELECT channel FROM stored_count WHERE cycle_id = ?"
                + " ORDER BY channel", cycle));
        List<String> audited = column("SELECT detail FROM audit_entry WHERE action = 'voting.countStored'"
                + " AND detail LIKE ? ORDER BY seq", "cycle=" + cycle + ";%");
        assertEquals(2, audited.size(), audited.toString());
        JsonObject published = results(cycle);
        assertTrue(published.getBoolean("stored"), published.toString());
        JsonObject juryResult = published.getJsonObject("jury");
        assertTrue(juryResult.getBoolean("stored"));
        assertFalse(juryResult.isNull("storedAt"));
        String root = juryResult.getString("root");
        assertTrue(audited.get(0).contains("channel=JURY") && audited.get(0).contains("root=" + root)
                && audited.get(0).contains("result=sha256:" + juryResult.getString("resultDigest")), audited.get(0));
        assertEquals(List.of("A", "B"), juryResult.getJsonObject("count").getJsonArray("winners")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(),
                "greedy on first preferences and Krakow scores: A then B fill the budget");
        assertEquals(4, published.getJsonObject("residents").getInt("ballots"));

        JsonObject same = recount(cycle);
        assertTrue(same.getBoolean("matches"), same.toString());
        assertEquals(root, channel(same, "JURY").getJsonObject("recount").getString("root"));

        // a jury ballot row changed in the database after the close: the published count stays the stored one
        String receipt = column("SELECT receipt FROM ballot WHERE cycle_id = ? AND channel = 'JURY' AND ranking = ?",
                cycle, "A,C").get(0);
        sql("UPDATE ballot SET ranking = ? WHERE receipt = ?", "C,B", receipt);
        try {
            JsonObject after = results(cycle);
            assertEquals(juryResult.getJsonObject("count"), after.getJsonObject("jury").getJsonObject("count"),
                    "the results read the stored count, not the changed rows");
            assertEquals(root, after.getJsonObject("jury").getString("root"));
            JsonObject mismatch = recount(cycle);
            assertFalse(mismatch.getBoolean("matches"), mismatch.toString());
            JsonObject juryRecount = channel(mismatch, "JURY");
            assertFalse(juryRecount.getBoolean("matches"));
            assertTrue(juryRecount.getJsonArray("differences").toString().contains("\"root\""), juryRecount.toString());
            assertFalse(root.equals(juryRecount.getJsonObject("recount").getString("root")));
            assertEquals(root, juryRecount.getJsonObject("stored").getString("root"));
            assertTrue(channel(mismatch, "RESIDENTS").getBoolean("matches"), "the residents' box is untouched");
        } finally {
            sql("UPDATE ballot SET ranking = ? WHERE receipt = ?", "A,C", receipt);
        }
        assertTrue(recount(cycle).getBoolean("matches"), "the box put back recounts to the stored count");
        assertEquals(2, column("SELECT detail FROM audit_entry WHERE action = 'voting.countStored' AND detail LIKE ?",
                "cycle=" + cycle + ";%").size(), "reading and recounting stored nothing more");
        JsonObject verdict = ItSupport.fullVerify(base);
        assertTrue(verdict.getBoolean("valid"), "the stored counts match their audit entries: " + verdict);
    }

    @Test
    void theDemosCompletedCycleHasItsStoredCountFromTheStart() throws Exception {
        long id = ItSupport.cycleInPhase(base, "CLOSED");
        assertEquals(List.of("JURY", "RESIDENTS"), column("SELECT channel FROM stored_count WHERE cycle_id = ?"
                + " ORDER BY channel", id));
        assertEquals(2, column("SELECT detail FROM audit_entry WHERE action = 'voting.countStored' AND detail LIKE ?",
                "cycle=" + id + ";%").size());
        JsonObject published = results(id);
        assertTrue(published.getBoolean("stored"), published.toString());
        assertTrue(published.getJsonObject("residents").getBoolean("stored"));
        JsonObject recount = recount(id);
        assertTrue(recount.getBoolean("matches"), recount.toString());
        assertEquals(2, recount.getJsonArray("channels").size());
    }
}
