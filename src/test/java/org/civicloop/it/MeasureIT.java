package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measuring outcomes: an indicator set is published only with an outcome indicator and another that is not
 * satisfaction; no figure is stored or published without its explanation; the outcomes JSON and CSV carry every
 * published reading; the engagement metrics match figures this test derives itself from the database and the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeasureIT {

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);
    private static final String RESIDENT = basic("resident", ItSupport.DEMO_PASSWORD);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    /**
     * A decided cycle in MEASURE with one funded option and no objective yet: the set-up a council has after its
     * decision. Made directly in the database (walking a cycle through jury day and a vote has no API).
     */
    private long[] measuringCycleWithAFundedOption() throws Exception {
        try (Connection c = ItSupport.connect()) {
            long cycle = next(c, "cycle_seq");
            long option = next(c, "budget_option_seq");
            long rec = next(c, "recommendation_seq");
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycle (id, council, title, currency, phase,"
                    + " published, demo, created_at, created_by, version) VALUES (?, 'Measure IT council', ?, 'GBP',"
                    + " 'MEASURE', TRUE, FALSE, ?, 'measure-it', 0)")) {
                ps.setLong(1, cycle);
                ps.setString(2, "Measure IT " + cycle);
                ps.setTimestamp(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO budget_option (id, cycle_id, code, title,"
                    + " cost, created_at) VALUES (?, ?, 'M1', 'Bus shelter seats', 10000, ?)")) {
                ps.setLong(1, option);
                ps.setLong(2, cycle);
                ps.setTimestamp(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recommendation (id, cycle_id, rank_position,"
                    + " option_id, title, response, rationale, responded_by, responded_at) VALUES (?, ?, 1, ?,"
                    + " 'Bus shelter seats', 'ADOPTED', 'Funded in full.', 'officer', ?)")) {
                ps.setLong(1, rec);
                ps.setLong(2, cycle);
                ps.setLong(3, option);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
            return new long[]{cycle, option};
        }
    }

    private static long next(Connection c, String sequence) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String sql, long id) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String indicator(String name, String kind, String counter) {
        return "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"unit\":\"%\",\"source\":\"Street survey\","
                + "\"frequency\":\"QUARTERLY\",\"gamingRisk\":\"Asking only people at the stop on sunny days.\","
                + "\"counterIndicator\":\"" + counter + "\",\"baseline\":10,\"target\":30}";
    }

    private long created(ItSupport.Reply r) {
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    @Test
    void anIndicatorSetIsPublishedOnlyWithAnOutcomeAndAnotherNonSatisfactionIndicator() throws Exception {
        long cycle = measuringCycleWithAFundedOption()[0];
        String outcomes = "/api/v1/cycles/" + cycle + "/outcomes";
        String objective = "{\"optionCode\":\"CODE\",\"outcome\":\"Older residents can rest while they wait for the"
                + " bus.\",\"valueCell\":\"MY_WELLBEING\",\"owner\":\"Transport team\",\"partners\":\"Bus company\","
                + "\"baseline\":\"10% of stops have seats\",\"target\":\"30% of stops\",\"reviewDate\":\""
                + LocalDate.now().plusYears(1) + "\"}";
        assertEquals(409, postJson(base, outcomes + "/objectives", objective.replace("CODE", "ZZ"), "Authorization",
                OFFICER).status(), "objectives are for funded options only");
        assertEquals(403, postJson(base, outcomes + "/objectives", objective.replace("CODE", "M1"), "Authorization",
                RESIDENT).status(), "residents do not set objectives");
        long id = created(postJson(base, outcomes + "/objectives", objective.replace("CODE", "M1"), "Authorization",
                OFFICER));
        String indicators = outcomes + "/objectives/" + id + "/indicators";
        String publish = outcomes + "/objectives/" + id + "/publish";

        // An indicator without how it could be gamed is refused and not stored.
        long before = count("SELECT COUNT(*) FROM outcome_indicator WHERE objective_id = ?", id);
        ItSupport.Reply noGaming = postJson(base, indicators, indicator("Seats used", "OUTPUT", "Complaints")
                .replace("Asking only people at the stop on sunny days.", " "), "Authorization", OFFICER);
        assertEquals(400, noGaming.status(), noGaming.body());
        assertTrue(noGaming.body().contains("could be gamed"), noGaming.body());
        assertEquals(before, count("SELECT COUNT(*) FROM outcome_indicator WHERE objective_id = ?", id));

        long satisfaction = created(postJson(base, indicators, indicator("Riders happy with stops", "SATISFACTION",
                "Stops with seats"), "Authorization", OFFICER));
        ItSupport.Reply refused = postJson(base, publish, "", "Authorization", OFFICER);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("outcome indicator"), refused.body());

        // A reading on an unpublished set is refused: nothing from a set that breaks the rule is ever shown.
        ItSupport.Reply early = postJson(base, outcomes + "/readings", "{\"indicatorId\":" + satisfaction
                + ",\"amount\":55,\"measuredOn\":\"" + LocalDate.now() + "\",\"explanation\":\"First survey of riders"
                + " at ten stops.\"}", "Authorization", OFFICER);
        assertEquals(409, early.status(), early.body());

        long outcome = created(postJson(base, indicators, indicator("Older riders who can sit while waiting",
                "OUTCOME", "Riders happy with stops"), "Authorization", OFFICER));
        ItSupport.Reply stillRefused = postJson(base, publish, "", "Authorization", OFFICER);
        assertEquals(400, stillRefused.status(), "an outcome plus satisfaction is not enough: " + stillRefused.body());
        assertTrue(stillRefused.body().contains("not satisfaction"), stillRefused.body());
        assertEquals(0, get(base, outcomes).json().getJsonArray("objectives").size(), "a draft set is not public");

        created(postJson(base, indicators, indicator("Stops with seats", "OUTPUT", "Older riders who can sit while"
                + " waiting"), "Authorization", OFFICER));
        assertEquals(204, postJson(base, publish, "", "Authorization", OFFICER).status());
        assertEquals(409, postJson(base, publish, "", "Authorization", OFFICER).status(), "published once");
        assertEquals(409, postJson(base, outcomes + "/objectives", objective.replace("CODE", "M1"), "Authorization",
                OFFICER).status(), "baseline and target are fixed once the set is published");

        JsonObject published = get(base, outcomes).json().getJsonArray("objectives").getJsonObject(0);
        assertEquals("M1", published.getString("optionCode"));
        assertEquals(3, published.getJsonArray("indicators").size());
        assertEquals(0, count("SELECT COUNT(*) FROM indicator_reading WHERE cycle_id = ?", cycle));
        assertNotNull(outcome);
    }

    @Test
    void noFigureIsStoredOrPublishedWithoutItsExplanation() throws Exception {
        long cycle = measuringCycleWithAFundedOption()[0];
        String outcomes = "/api/v1/cycles/" + cycle + "/outcomes";
        long id = created(postJson(base, outcomes + "/objectives", "{\"optionCode\":\"M1\",\"outcome\":\"People can"
                + " sit down at the stop.\",\"valueCell\":\"OUR_WELLBEING\",\"owner\":\"Transport team\",\"baseline\":"
                + "\"none\",\"target\":\"all stops\",\"reviewDate\":\"" + LocalDate.now().plusYears(1) + "\"}",
                "Authorization", OFFICER));
        long outcome = created(postJson(base, outcomes + "/objectives/" + id + "/indicators",
                indicator("Older riders who sit", "OUTCOME", "Stops with seats"), "Authorization", OFFICER));
        created(postJson(base, outcomes + "/objectives/" + id + "/indicators",
                indicator("Stops with seats", "OUTPUT", "Older riders who sit"), "Authorization", OFFICER));
        assertEquals(204, postJson(base, outcomes + "/objectives/" + id + "/publish", "", "Authorization", OFFICER)
                .status());

        String reading = "{\"indicatorId\":" + outcome + ",\"amount\":17.5,\"measuredOn\":\"" + LocalDate.now()
                + "\"%s}";
        for (String explanation : List.of("", ",\"explanation\":\"\"", ",\"explanation\":\"   \"",
                ",\"explanation\":\"ok\"")) {
            ItSupport.Reply r = postJson(base, outcomes + "/readings", reading.formatted(explanation),
                    "Authorization", OFFICER);
            assertEquals(400, r.status(), explanation + " -> " + r.body());
            assertTrue(r.body().contains("explanation"), r.body());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM indicator_reading WHERE cycle_id = ?", cycle), "nothing stored");
        assertEquals(400, postJson(base, outcomes + "/readings", "{\"indicatorId\":" + outcome + ",\"amount\":17.5,"
                + "\"measuredOn\":\"" + LocalDate.now().plusDays(2) + "\",\"explanation\":\"A reading from the"
                + " future.\"}", "Authorization", OFFICER).status(), "no readings of days to come");
        assertEquals(403, postJson(base, outcomes + "/readings", reading.formatted(",\"explanation\":\"Residents"
                + " cannot record figures.\""), "Authorization", RESIDENT).status());

        String explanation = "Counted at 12 stops, on two weekday mornings; rain kept numbers low.";
        created(postJson(base, outcomes + "/readings", reading.formatted(",\"explanation\":\"" + explanation + "\""),
                "Authorization", OFFICER));
        assertEquals(1, count("SELECT COUNT(*) FROM indicator_reading WHERE cycle_id = ?", cycle));
        JsonObject shown = get(base, outcomes).json().getJsonArray("objectives").getJsonObject(0)
                .getJsonArray("indicators").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("id").longValue() == outcome).findFirst().orElseThrow()
                .getJsonArray("readings").getJsonObject(0);
        assertEquals(explanation, shown.getString("explanation"));
        assertEquals(0, shown.getJsonNumber("amount").bigDecimalValue().compareTo(new java.math.BigDecimal("17.5")));
        ItSupport.Reply csv = get(base, outcomes + "/readings.csv");
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().contains("17.5") && csv.body().contains("\"" + explanation.replace("\"", "\"\"")
                + "\""), csv.body());
    }

    @Test
    void theDemoOutcomesCarryEveryPublishedReadingAsJsonAndCsv() throws Exception {
        long id = ItSupport.cycleTitled(base, "Greener streets 2026");
        JsonObject outcomes = get(base, "/api/v1/cycles/" + id + "/outcomes").json();
        Set<String> funded = new HashSet<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT o.code FROM"
                + " recommendation r JOIN budget_option o ON o.id = r.option_id WHERE r.cycle_id = ? AND r.response IN"
                + " ('ADOPTED', 'MODIFIED')")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    funded.add(rs.getString(1));
                }
            }
        }
        Set<String> codes = new HashSet<>();
        int readings = 0;
        for (JsonObject o : outcomes.getJsonArray("objectives").getValuesAs(JsonObject.class)) {
            codes.add(o.getString("optionCode"));
            assertFalse(o.getString("outcome").isBlank());
            assertTrue(o.getJsonObject("progress").getInt("percentComplete") >= 0);
            boolean hasOutcome = false;
            for (JsonObject i : o.getJsonArray("indicators").getValuesAs(JsonObject.class)) {
                hasOutcome |= i.getString("kind").equals("OUTCOME");
                assertFalse(i.getString("gamingRisk").isBlank());
                assertFalse(i.getString("counterIndicator").isBlank());
                for (JsonObject r : i.getJsonArray("readings").getValuesAs(JsonObject.class)) {
                    assertFalse(r.getString("explanation").isBlank(), "every figure is explained: " + r);
                    readings++;
                }
            }
            assertTrue(hasOutcome, "every published set has an outcome indicator: " + o.getString("optionCode"));
        }
        assertEquals(funded, codes, "an objective for every funded option");
        assertTrue(readings >= 4, "readings over time: " + readings);
        long stored = count("SELECT COUNT(*) FROM indicator_reading WHERE cycle_id = ? AND indicator_id IS NOT NULL",
                id);
        assertEquals(stored, readings, "the JSON carries every reading");

        ItSupport.Reply csv = get(base, "/api/v1/cycles/" + id + "/outcomes/readings.csv");
        assertEquals(200, csv.status());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("option_code,option_title,outcome,indicator_id,indicator,type"));
        assertEquals(readings, lines.size() - 1, "one CSV line per reading");

        ItSupport.Reply page = get(base, "/outcomes.xhtml?cycle=" + id);
        assertEquals(200, page.status());
        for (String code : funded) {
            assertTrue(page.body().contains("id=\"option-" + code + "\""), "anchor for option " + code);
        }
        assertTrue(page.body().contains("<polyline"), "readings are charted");
        assertEquals(404, get(base, "/api/v1/cycles/999999/outcomes").status());
    }

    private static Double number(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null
                : ((JsonNumber) v).doubleValue();
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    @Test
    void theEngagementMetricsAreComputedFromTheCyclesOwnRecords() throws Exception {
        long id = ItSupport.cycleTitled(base, "Greener streets 2026");
        // A participant who has not answered yet answers the trust survey; a second answer and non-participants
        // are refused.
        String trust = "/api/v1/cycles/" + id + "/outcomes/trust";
        ItSupport.Reply first = postJson(base, trust, "{\"trust\":2,\"heard\":4,\"again\":true}", "Authorization",
                RESIDENT);
        assertTrue(first.status() == 204 || first.status() == 409, first.body());
        assertEquals(409, postJson(base, trust, "{\"trust\":5,\"heard\":5,\"again\":true}", "Authorization",
                RESIDENT).status(), "one answer per account");
        assertEquals(403, postJson(base, trust, "{\"trust\":5,\"heard\":5,\"again\":true}", "Authorization",
                basic("resident14", ItSupport.DEMO_PASSWORD)).status(), "only participants answer");

        // Answering leaves the cycle row under the audit chain's watch: editing it behind the app is still detected.
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE cycle SET title = ? WHERE id = ?")) {
            ps.setString(1, "Greener streets 2026 (edited in the database)");
            ps.setLong(2, id);
            ps.executeUpdate();
            try {
                assertFalse(ItSupport.fullVerify(base).getBoolean("valid"), "tampering detected");
            } finally {
                ps.setString(1, "Greener streets 2026");
                ps.executeUpdate();
            }
        }

        JsonObject m = get(base, "/api/v1/cycles/" + id + "/outcomes/metrics").json();
        JsonObject outcomes = get(base, "/api/v1/cycles/" + id + "/outcomes").json();
        JsonObject jury = get(base, "/api/v1/cycles/" + id + "/jury").json();

        // Participants and repeat participants, from the volunteer pool and the voter register.
        Set<Long> here = new HashSet<>();
        Set<Long> elsewhere = new HashSet<>();
        List<String> responses = new ArrayList<>();
        List<int[]> answers = new ArrayList<>();
        LocalDate decided;
        LocalDate promised;
        LocalDate reported;
        try (Connection c = ItSupport.connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT cycle_id, account_id FROM volunteer UNION ALL"
                    + " SELECT cycle_id, account_id FROM voter_register"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long account = rs.getLong(2);
                    if (!rs.wasNull()) {
                        (rs.getLong(1) == id ? here : elsewhere).add(account);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT response FROM recommendation WHERE cycle_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        responses.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT trust_score, heard_score FROM trust_answer"
                    + " WHERE cycle_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        answers.add(new int[]{rs.getInt(1), rs.getInt(2)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(t.moved_at), c.feedback_promise_date,"
                    + " c.report_published_at FROM cycle c JOIN phase_transition t ON t.cycle_id = c.id"
                    + " WHERE c.id = ? AND t.to_phase = 'DECIDE' GROUP BY c.feedback_promise_date,"
                    + " c.report_published_at")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    decided = rs.getTimestamp(1).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                    promised = rs.getDate(2).toLocalDate();
                    reported = rs.getTimestamp(3).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                }
            }
        }
        // People imported into the jury pool take part without an account: counted, but not in the repeat share.
        long imported = count("SELECT COUNT(*) FROM volunteer v JOIN volunteer_personal p ON p.volunteer_id = v.id"
                + " WHERE v.cycle_id = ? AND v.account_id IS NULL AND p.source_row IS NOT NULL", id);
        long participants = here.size() + imported;
        assertEquals(participants, m.getInt("participants"));
        long repeat = here.stream().filter(elsewhere::contains).count();
        assertEquals(round(100.0 * repeat / here.size(), 1), number(m, "repeatShare"));

        // Representativeness gap, from the published jury representation table.
        long panel = count("SELECT COUNT(*) FROM volunteer WHERE cycle_id = ? AND status = 'SELECTED'"
                + " AND (response IS NULL OR response <> 'DECLINED')", id);
        double sum = 0;
        int lines = 0;
        for (JsonObject l : jury.getJsonArray("representation").getValuesAs(JsonObject.class)) {
            double target = (l.getInt("min") + l.getInt("max")) / 2.0 / panel;
            sum += Math.abs((double) l.getInt("jury") / panel - target);
            lines++;
        }
        assertEquals(round(100 * sum / lines, 1), number(m, "representativenessGap"));

        // Recommendations adopted or modified.
        long adoptedOrModified = responses.stream().filter(r -> "ADOPTED".equals(r) || "MODIFIED".equals(r)).count();
        assertEquals(round(100.0 * adoptedOrModified / responses.size(), 1),
                number(m.getJsonObject("adoption"), "adoptedOrModifiedShare"));

        // Days to feedback against the promise.
        JsonObject feedback = m.getJsonObject("feedback");
        assertEquals(ChronoUnit.DAYS.between(decided, reported), feedback.getJsonNumber("daysTaken").longValue());
        assertEquals(ChronoUnit.DAYS.between(decided, promised), feedback.getJsonNumber("daysPromised").longValue());

        // Cost per participant, from the ledger as published.
        long costs = outcomes.getJsonArray("ledger").getValuesAs(JsonObject.class).stream()
                .filter(l -> !l.getBoolean("contribution")).mapToLong(l -> l.getJsonNumber("amount").longValue())
                .sum();
        assertTrue(costs > 0, "the demo ledger has costs");
        assertEquals(costs, m.getJsonNumber("engagementCosts").longValue());
        assertEquals(round((double) costs / participants, 2), number(m, "costPerParticipant"));

        // Trust, from the stored answers.
        JsonObject t = m.getJsonObject("trust");
        assertEquals(answers.size(), t.getInt("answers"));
        assertEquals(round(answers.stream().mapToInt(a -> a[0]).average().orElseThrow(), 2), number(t, "meanTrust"));
        assertEquals(round(answers.stream().mapToInt(a -> a[1]).average().orElseThrow(), 2), number(t, "meanHeard"));
    }
}
