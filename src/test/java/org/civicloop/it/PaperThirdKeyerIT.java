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
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/paper-ballots.md: a batch is keyed by two different people; a third person is refused, whether their keying
 * agrees with one of the two or with neither, and nothing of it is stored or counts towards settling a difference.
 * A difference is settled by an officer reading the paper again (any officer, the third one too), with a note.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaperThirdKeyerIT {

    private static final String FIRST = basic("officer", ItSupport.DEMO_PASSWORD);
    private static final String SECOND = basic("demo-admin", ItSupport.DEMO_PASSWORD);
    /** A third officer of the demo council (evidence's second reviewer). */
    private static final String THIRD = basic("reviewer", ItSupport.DEMO_PASSWORD);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

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

    private ItSupport.Reply key(long cycle, long batch, int sheet, String ranking, String who) throws Exception {
        return put(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch + "/sheets/" + sheet,
                "{\"ranking\":\"" + ranking + "\"}", "Authorization", who);
    }

    private JsonObject batch(long cycle, long batch) throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch, "Authorization", FIRST);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<Integer> disputed(JsonObject batch) {
        return batch.getJsonArray("discrepancies").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getInt("sheet")).toList();
    }

    @Test
    void aThirdKeyerIsRefusedWhetherTheyAgreeOrNotAndOnlyASettlementWithANoteDecides() throws Exception {
        long cycle = ItSupport.cycleInPhase(base, "VOTE");
        ItSupport.Reply opened = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches",
                "{\"label\":\"IT third keyer " + ThreadLocalRandom.current().nextInt(1_000_000)
                        + "\",\"collectedWhere\":\"Market stall\",\"collectedOn\":\"" + LocalDate.now().minusDays(1)
                        + "\",\"sheets\":2}", "Authorization", FIRST);
        assertEquals(201, opened.status(), opened.body());
        long batch = opened.json().getJsonNumber("id").longValue();

        assertEquals(200, key(cycle, batch, 1, "Y1 Y2", FIRST).status());
        assertEquals(200, key(cycle, batch, 2, "Y3", FIRST).status());
        assertEquals(200, key(cycle, batch, 1, "Y1 Y2", SECOND).status());
        assertEquals(200, key(cycle, batch, 2, "Y2", SECOND).status());
        assertEquals(List.of(2), disputed(batch(cycle, batch)), "the two keyings differ on sheet 2 only");
        long entries = count("SELECT COUNT(*) FROM paper_entry WHERE batch_id = ?", batch);
        long keyedInAudit = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'paper.sheetKeyed'");
        assertEquals(4, entries);

        // A third person agreeing with the first keying on the disputed sheet: refused, not a tie-breaker.
        ItSupport.Reply agreeing = key(cycle, batch, 2, "Y3", THIRD);
        assertEquals(409, agreeing.status(), agreeing.body());
        assertTrue(agreeing.body().contains("officer") && agreeing.body().contains("demo-admin"),
                "the refusal names the two keyers: " + agreeing.body());
        // ... and disagreeing with both on a sheet they agree on: refused too, the agreement stands.
        ItSupport.Reply disagreeing = key(cycle, batch, 1, "Y4", THIRD);
        assertEquals(409, disagreeing.status(), disagreeing.body());
        JsonObject after = batch(cycle, batch);
        assertEquals(List.of(2), disputed(after), "the third keyings changed nothing");
        assertEquals(0, after.getInt("resolved"));
        assertEquals(entries, count("SELECT COUNT(*) FROM paper_entry WHERE batch_id = ?", batch),
                "nothing of the third keyings is stored");
        assertEquals(0, count("SELECT COUNT(*) FROM paper_entry WHERE batch_id = ? AND keyed_by = 'reviewer'", batch));
        assertEquals(keyedInAudit, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'paper.sheetKeyed'"),
                "nor audited as a keying");
        ItSupport.Reply early = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch + "/acceptance",
                "", "Authorization", FIRST);
        assertEquals(409, early.status(), "the difference is still open: " + early.body());

        // The third officer reads the paper again and settles sheet 2, with a note: that decides it.
        ItSupport.Reply settled = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch
                + "/resolutions/2", "{\"ranking\":\"Y3\",\"note\":\"Read the sheet again: Y3 only\"}",
                "Authorization", THIRD);
        assertEquals(200, settled.status(), settled.body());
        ItSupport.Reply accepted = postJson(base, "/api/v1/cycles/" + cycle + "/paper-batches/" + batch
                + "/acceptance", "", "Authorization", FIRST);
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(2, accepted.json().getInt("counted"));
        assertTrue(get(base, "/api/v1/audit/verify").json().getBoolean("valid"));
    }
}
