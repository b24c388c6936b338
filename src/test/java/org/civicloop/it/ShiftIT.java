package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The preference shift through the real app: GET /api/v1/cycles/{id}/shift agrees with the stored before and after
 * answers (recomputed here in SQL, overall and by jury category), new answers posted over the API move it, and the
 * residents' panel is reported beside the jury's without changing it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShiftIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    /** The paired before/after figures of one item, straight from the database (optionally one category). */
    private static double[] sql(long cycleId, String panel, String itemKey, String feature, String value)
            throws Exception {
        String categoryJoin = feature == null ? "" : " JOIN deliberation_participant p ON p.cycle_id = b.cycle_id AND"
                + " p.pseudonym = b.pseudonym JOIN volunteer v ON v.cycle_id = p.cycle_id AND v.account_id ="
                + " p.account_id JOIN volunteer_answer va ON va.volunteer_id = v.id AND va.feature = ? AND"
                + " va.feature_value = ?";
        String q = "SELECT COUNT(*), SUM(b.score), SUM(a.score), SUM(CASE WHEN a.score <> b.score THEN 1 ELSE 0 END)"
                + " FROM opinion_answer b JOIN opinion_answer a ON a.cycle_id = b.cycle_id AND a.panel = b.panel AND"
                + " a.pseudonym = b.pseudonym AND a.item_key = b.item_key AND a.stage = 'AFTER'" + categoryJoin
                + " WHERE b.stage = 'BEFORE' AND b.cycle_id = ? AND b.panel = ? AND b.item_key = ?";
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(q)) {
            int i = 1;
            if (feature != null) {
                ps.setString(i++, feature);
                ps.setString(i++, value);
            }
            ps.setLong(i++, cycleId);
            ps.setString(i++, panel);
            ps.setString(i, itemKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double n = rs.getLong(1);
                return new double[] {n, n == 0 ? 0 : rs.getLong(2) / n, n == 0 ? 0 : rs.getLong(3) / n, rs.getLong(4)};
            }
        }
    }

    private static void assertMatches(long cycleId, String panel, JsonObject shift) throws Exception {
        for (String part : List.of("statements", "options")) {
            for (JsonObject item : shift.getJsonArray(part).getValuesAs(JsonObject.class)) {
                String key = part.equals("options") ? "O" + item.getString("key") : item.getString("key");
                double[] f = sql(cycleId, panel, key, null, null);
                String what = part + " " + key;
                assertEquals((int) f[0], item.getInt("respondents"), what);
                assertEquals(f[1], item.getJsonNumber("meanBefore").doubleValue(), 0.001, what);
                assertEquals(f[2], item.getJsonNumber("meanAfter").doubleValue(), 0.001, what);
                assertEquals(f[2] - f[1], item.getJsonNumber("meanShift").doubleValue(), 0.002, what);
                assertEquals((int) f[3], item.getInt("changed"), what);
                int before = item.getJsonObject("before").values().stream()
                        .mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue()).sum();
                assertEquals((int) f[0], before, "the before distribution counts every respondent once: " + what);
                for (JsonObject g : item.getJsonArray("byCategory").getValuesAs(JsonObject.class)) {
                    double[] gf = sql(cycleId, panel, key, g.getString("feature"), g.getString("value"));
                    String gw = what + " " + g.getString("feature") + "=" + g.getString("value");
                    assertEquals((int) gf[0], g.getInt("respondents"), gw);
                    assertEquals(gf[2] - gf[1], g.getJsonNumber("meanShift").doubleValue(), 0.002, gw);
                    assertEquals((int) gf[3], g.getInt("changed"), gw);
                }
            }
        }
    }

    @Test
    void theClosedCycleShowsANonTrivialShiftThatMatchesTheStoredAnswers() throws Exception {
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        ItSupport.Reply r = get(base, "/api/v1/cycles/" + closed + "/shift");
        assertEquals(200, r.status(), r.body());
        JsonObject shift = r.json();
        assertEquals(closed, shift.getJsonNumber("cycleId").longValue());
        JsonArray statements = shift.getJsonArray("statements");
        JsonArray options = shift.getJsonArray("options");
        assertEquals(3, statements.size(), "three opinion statements in the demo");
        assertEquals(4, options.size(), "four options ranked");
        JsonObject safety = statements.getJsonObject(0);
        assertEquals(6, safety.getInt("respondents"), "all six jurors answered before and after");
        assertTrue(safety.getJsonNumber("meanShift").doubleValue() > 0.5, "views moved towards agreeing: " + safety);
        assertTrue(safety.getInt("changed") >= 3, safety.toString());
        List<String> features = safety.getJsonArray("byCategory").getValuesAs(JsonObject.class).stream()
                .map(g -> g.getString("feature")).distinct().toList();
        assertEquals(List.of("age", "area"), features, "by the jury's categories");
        JsonObject crossings = options.getJsonObject(0);
        assertEquals("A", crossings.getString("key"));
        assertTrue(crossings.getJsonNumber("meanShift").doubleValue() < 0, "School crossings rose in the ranking");
        assertMatches(closed, "JURY", shift);

        JsonObject residents = get(base, "/api/v1/cycles/" + closed + "/shift/residents").json();
        assertEquals(3, residents.getJsonArray("statements").getJsonObject(0).getInt("respondents"),
                "the three residents online, reported apart from the jury");
        assertTrue(residents.getJsonArray("statements").getJsonObject(0).getJsonArray("byCategory").isEmpty());
        assertMatches(closed, "RESIDENTS", residents);
    }

    @Test
    void answersPostedOverTheApiMoveTheShiftAndResidentsNeverMixIntoTheJury() throws Exception {
        long voting = ItSupport.cycleTitled(base, "Youth spaces fund");
        JsonObject questions = get(base, "/api/v1/cycles/" + voting + "/shift/questions").json();
        List<JsonObject> statements = questions.getJsonArray("statements").getValuesAs(JsonObject.class);
        List<String> codes = questions.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("code")).toList();
        assertTrue(statements.size() >= 2 && codes.size() >= 2, questions.toString());
        String s1 = Long.toString(statements.get(0).getJsonNumber("id").longValue());
        String s2 = Long.toString(statements.get(1).getJsonNumber("id").longValue());

        // A juror (resident07 sits on this jury) answers before and after; a resident who is not a juror too.
        String juror = basic("resident07", ItSupport.DEMO_PASSWORD);
        String resident = basic("resident03", ItSupport.DEMO_PASSWORD);
        String rank = "[\"" + String.join("\",\"", codes) + "\"]";
        List<String> reversed = new java.util.ArrayList<>(codes);
        java.util.Collections.reverse(reversed);
        String rankReversed = "[\"" + String.join("\",\"", reversed) + "\"]";
        ItSupport.Reply jb = postJson(base, "/api/v1/cycles/" + voting + "/shift/answers", "{\"stage\":\"BEFORE\","
                + "\"scores\":{\"" + s1 + "\":1,\"" + s2 + "\":2},\"ranking\":" + rank + "}", "Authorization", juror);
        assertEquals(200, jb.status(), jb.body());
        assertEquals("JURY", jb.json().getString("panel"));
        JsonObject juryBefore = get(base, "/api/v1/cycles/" + voting + "/shift").json();

        ItSupport.Reply rb = postJson(base, "/api/v1/cycles/" + voting + "/shift/answers", "{\"stage\":\"BEFORE\","
                + "\"scores\":{\"" + s1 + "\":5,\"" + s2 + "\":5},\"ranking\":" + rank + "}", "Authorization", resident);
        assertEquals("RESIDENTS", rb.json().getString("panel"), rb.body());
        ItSupport.Reply ra = postJson(base, "/api/v1/cycles/" + voting + "/shift/answers", "{\"stage\":\"AFTER\","
                + "\"scores\":{\"" + s1 + "\":1,\"" + s2 + "\":1},\"ranking\":" + rankReversed + "}", "Authorization",
                resident);
        assertEquals(200, ra.status(), ra.body());
        assertEquals(juryBefore, get(base, "/api/v1/cycles/" + voting + "/shift").json(),
                "residents' answers never change the jury's shift");
        JsonObject residents = get(base, "/api/v1/cycles/" + voting + "/shift/residents").json();
        assertTrue(residents.getJsonArray("statements").getJsonObject(0).getInt("respondents") >= 1);
        assertMatches(voting, "RESIDENTS", residents);

        ItSupport.Reply ja = postJson(base, "/api/v1/cycles/" + voting + "/shift/answers", "{\"stage\":\"AFTER\","
                + "\"scores\":{\"" + s1 + "\":4,\"" + s2 + "\":2},\"ranking\":" + rankReversed + "}", "Authorization",
                juror);
        assertEquals(200, ja.status(), ja.body());
        JsonObject juryAfter = get(base, "/api/v1/cycles/" + voting + "/shift").json();
        JsonObject first = juryAfter.getJsonArray("statements").getJsonObject(0);
        assertTrue(first.getInt("respondents") >= 1 && first.getInt("changed") >= 1, first.toString());
        assertTrue(first.getJsonObject("after").getInt("4") >= 1, "the juror's after answer is counted: " + first);
        assertMatches(voting, "JURY", juryAfter);
    }

    @Test
    void badOrUnauthorisedAnswersChangeNothing() throws Exception {
        long voting = ItSupport.cycleTitled(base, "Youth spaces fund");
        ItSupport.Reply anonymous = postJson(base, "/api/v1/cycles/" + voting + "/shift/answers",
                "{\"stage\":\"BEFORE\",\"scores\":{}}", "X-CivicLoop-Request", "1");
        assertEquals(401, anonymous.status(), anonymous.body());
        ItSupport.Reply incomplete = postJson(base, "/api/v1/cycles/" + voting + "/shift/answers",
                "{\"stage\":\"BEFORE\",\"scores\":{}}", "Authorization", basic("resident08", ItSupport.DEMO_PASSWORD));
        assertEquals(400, incomplete.status(), incomplete.body());
        assertTrue(incomplete.body().contains("Answer every statement"), incomplete.body());
        ItSupport.Reply closedStage = postJson(base, "/api/v1/cycles/" + ItSupport.cycleInPhase(base, "CLOSED")
                        + "/shift/answers", "{\"stage\":\"AFTER\",\"scores\":{}}", "Authorization",
                basic("resident08", ItSupport.DEMO_PASSWORD));
        assertEquals(409, closedStage.status(), closedStage.body());
    }
}
