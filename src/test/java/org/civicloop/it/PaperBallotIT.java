package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paper ballots: a batch counts only once two different people have keyed it and every difference is settled; a bad
 * scanning file stores nothing; the register keeps paper and online voters from voting twice; the vote cannot close
 * while a batch is still being keyed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaperBallotIT {

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);
    private static final String SECOND_OFFICER = basic("demo-admin", ItSupport.DEMO_PASSWORD);

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

    private static long paperBallots(long cycle) throws Exception {
        return count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS' AND source = 'PAPER'",
                cycle);
    }

    private JsonObject openBatch(long cycle, String label, int sheets) throws Exception {
        ItSupport.Reply r = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches",
                "{\"label\":\"" + label + "\",\"collectedWhere\":\"Central Library\",\"collectedOn\":\""
                        + LocalDate.now().minusDays(1) + "\",\"sheets\":" + sheets + "}", "Authorization", OFFICER);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private ItSupport.Reply key(long cycle, long batch, int sheet, String ranking, String who) throws Exception {
        return put(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch + "/sheets/" + sheet,
                "{\"ranking\":\"" + ranking + "\"}", "Authorization", who);
    }

    private ItSupport.Reply accept(long cycle, long batch) throws Exception {
        return postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch + "/acceptance", "",
                "Authorization", OFFICER);
    }

    private static final String SETTLED =
            "SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND source = 'PAPER' AND ranking = 'Y4,Y1'";

    @Test
    void aBatchCountsOnlyAfterTwoKeyingsAgreeOrEveryDifferenceIsSettled() throws Exception {
        long cycle = votingCycle();
        long before = paperBallots(cycle);
        long settledBefore = count(SETTLED, cycle);
        long batch = openBatch(cycle, "IT double entry", 4).getJsonNumber("id").longValue();

        for (int sheet = 1; sheet <= 4; sheet++) {
            String ranking = List.of("Y1 Y2", "Y3", "", "Y4 Y1").get(sheet - 1);
            assertEquals(200, key(cycle, batch, sheet, ranking, OFFICER).status());
        }
        ItSupport.Reply tooEarly = accept(cycle, batch);
        assertEquals(409, tooEarly.status(), "one keying is not enough: " + tooEarly.body());
        assertEquals(before, paperBallots(cycle));

        // The second officer misreads sheet 2 and skips sheet 4.
        assertEquals(200, key(cycle, batch, 1, "y1>y2", SECOND_OFFICER).status());
        assertEquals(200, key(cycle, batch, 2, "Y3 Y2", SECOND_OFFICER).status());
        JsonObject state = key(cycle, batch, 3, "spoilt", SECOND_OFFICER).json();
        assertEquals(List.of(2, 4), state.getJsonArray("discrepancies").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getInt("sheet")).toList());
        assertEquals(409, accept(cycle, batch).status());
        assertEquals(before, paperBallots(cycle), "nothing counts while differences remain");

        ItSupport.Reply noNote = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch
                + "/resolutions/2", "{\"ranking\":\"Y3\",\"note\":\"\"}", "Authorization", OFFICER);
        assertEquals(400, noNote.status(), noNote.body());
        ItSupport.Reply notDisputed = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch
                + "/resolutions/1", "{\"ranking\":\"Y2\",\"note\":\"changing an agreed sheet\"}", "Authorization",
                OFFICER);
        assertEquals(409, notDisputed.status(), "a sheet both keyings agree on cannot be overridden");
        for (int sheet : new int[]{2, 4}) {
            String ranking = sheet == 2 ? "Y3" : "Y4 Y1";
            ItSupport.Reply settled = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch
                    + "/resolutions/" + sheet, "{\"ranking\":\"" + ranking + "\",\"note\":\"Read the sheet again\"}",
                    "Authorization", OFFICER);
            assertEquals(200, settled.status(), settled.body());
        }
        ItSupport.Reply accepted = accept(cycle, batch);
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(3, accepted.json().getInt("counted"));
        assertEquals(1, accepted.json().getInt("spoilt"));
        assertEquals(before + 3, paperBallots(cycle));
        assertEquals(settledBefore + 1, count(SETTLED, cycle), "the settled reading of sheet 4 is the one counted");
        assertEquals(409, key(cycle, batch, 1, "Y2", OFFICER).status(), "an accepted batch is closed");
        assertTrue(get(base, "/api/v1/audit/verify").json().getBoolean("valid"));
    }

    @Test
    void aScanningFileWithOneBadRowStoresNothing() throws Exception {
        long cycle = votingCycle();
        long batchesBefore = count("SELECT COUNT(*) FROM paper_batch WHERE cycle_id = ?", cycle);
        String path = "/api/v1/cycles/" + cycle + "/paper-batches/scans?label=IT%20scan&where=Town%20Hall&collectedOn="
                + LocalDate.now();
        ItSupport.Reply bad = ItSupport.post(base, path, "text/csv", "sheet,ranking\n1,Y1 Y2\n2,Y9\n",
                "Authorization", OFFICER);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.json().getString("detail").contains("Y9"), bad.body());
        assertEquals(batchesBefore, count("SELECT COUNT(*) FROM paper_batch WHERE cycle_id = ?", cycle));

        long before = paperBallots(cycle);
        ItSupport.Reply good = ItSupport.post(base, path, "text/csv", "sheet,ranking\n1,Y1 Y2\n2,\"Y2,Y3\"\n3,\n",
                "Authorization", OFFICER);
        assertEquals(201, good.status(), good.body());
        ItSupport.Reply accepted = accept(cycle, good.json().getJsonNumber("id").longValue());
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(before + 2, paperBallots(cycle));
    }

    @Test
    void theRegisterStopsSomeoneVotingBothOnlineAndOnPaper() throws Exception {
        long cycle = votingCycle();
        String issue = "/api/v1/cycles/" + cycle + "/paper-batches/issued";
        // resident09 votes online first: no paper ballot for them.
        ItSupport.Reply online = postJson(base, "/api/v1/cycles/" + cycle + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[\"Y1\"]}", "Authorization",
                basic("resident09", ItSupport.DEMO_PASSWORD));
        assertTrue(online.status() == 201 || online.status() == 409, online.body());
        ItSupport.Reply refused = postJson(base, issue, "{\"username\":\"resident09\",\"where\":\"Library\"}",
                "Authorization", OFFICER);
        assertEquals(409, refused.status(), refused.body());

        // resident08 takes a paper ballot: afterwards they cannot vote online.
        ItSupport.Reply issued = postJson(base, issue, "{\"username\":\"resident08\",\"where\":\"Library\"}",
                "Authorization", OFFICER);
        assertEquals(204, issued.status(), issued.body());
        ItSupport.Reply second = postJson(base, "/api/v1/cycles/" + cycle + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[\"Y2\"]}", "Authorization",
                basic("resident08", ItSupport.DEMO_PASSWORD));
        assertEquals(409, second.status(), second.body());
        assertEquals(409, postJson(base, issue, "{\"username\":\"resident08\",\"where\":\"Library\"}",
                "Authorization", OFFICER).status(), "one paper ballot per person");
    }

    @Test
    void onlyOfficersHandlePaperAndTheVoteCannotCloseWithABatchBeingKeyed() throws Exception {
        long cycle = votingCycle();
        ItSupport.Reply resident = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches",
                "{\"label\":\"mine\",\"collectedWhere\":\"Home\",\"collectedOn\":\"2026-01-01\",\"sheets\":1}",
                "Authorization", basic("resident01", ItSupport.DEMO_PASSWORD));
        assertEquals(403, resident.status());
        assertEquals(401, get(base, "/api/v1/cycles/" + cycle + "/paper-batches").status());

        long batch = openBatch(cycle, "IT gate", 1).getJsonNumber("id").longValue();
        ItSupport.Reply close = postJson(base, "/api/v1/cycles/" + cycle + "/advance", "{\"from\":\"VOTE\"}",
                "Authorization", OFFICER);
        assertEquals(409, close.status(), close.body());
        assertTrue(close.json().getString("detail").contains("paper"), close.body());
        assertEquals("VOTE", get(base, "/api/v1/cycles/" + cycle).json().getString("phase"));
        // Finish the batch so that the demo vote can close in other tests.
        key(cycle, batch, 1, "Y2", OFFICER);
        key(cycle, batch, 1, "Y2", SECOND_OFFICER);
        assertEquals(200, accept(cycle, batch).status());
    }
}
