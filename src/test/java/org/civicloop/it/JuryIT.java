package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.jury.selection.cli.SelectCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jury draw is open to audit: the seed matches the hash committed before the draw, the jury meets every quota,
 * and anyone re-running the draw from the published pool, quotas and seed with the offline tool gets the same jury.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JuryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;


    @Test
    void theDrawIsCommittedMeetsTheQuotasAndReRunsToTheSameJury() throws Exception {
        long id = ItSupport.cycleInPhase(base, "CLOSED");
        JsonObject draw = get(base, "/api/v1/cycles/" + id + "/jury").json();
        assertEquals("LEXIMIN", draw.getString("method"));
        String seed = draw.getString("seed");
        assertEquals(AuditChain.sha256Hex(seed), draw.getString("seedCommitment"), "the seed matches its commitment");
        assertTrue(Double.parseDouble(draw.getString("minProbability")) > 0, "everyone had a chance: " + draw);
        int size = draw.getInt("panelSize");
        for (JsonObject line : draw.getJsonArray("representation").getValuesAs(JsonObject.class)) {
            int jurors = line.getInt("jury");
            assertTrue(jurors >= line.getInt("min") && jurors <= line.getInt("max"), "quota met: " + line);
        }
        List<String> selected = draw.getJsonArray("selected").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertEquals(size, selected.size());
        assertEquals(1, draw.getJsonArray("replacements").size(), "the demo invitee who declined was replaced");
        long invited = draw.getJsonArray("representation").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("feature").equals("age")).mapToLong(l -> l.getInt("invited")).sum();
        assertEquals(size + 1, invited, "invited: the draw plus the replacement");

        Path quotas = Files.createTempFile("quotas", ".csv");
        Files.writeString(quotas, get(base, "/api/v1/cycles/" + id + "/jury/quotas.csv").body());
        ItSupport.Reply pool = get(base, "/api/v1/cycles/" + id + "/jury/pool.csv");
        assertEquals(200, pool.status(), pool.body());
        assertTrue(!pool.body().contains("resident"), "no names in the published pool");
        Path people = Files.createTempFile("pool", ".csv");
        Files.writeString(people, pool.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SelectCommand.run(new String[]{"--categories", quotas.toString(), "--respondents",
                        people.toString(), "--panel", Integer.toString(size), "--seed", seed, "--id-column", "id"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> rerun = Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\\R"))
                .filter(s -> !s.isBlank()).toList();
        assertEquals(new TreeSet<>(selected), new TreeSet<>(rerun), "the offline tool draws the same jury");
    }

    @Test
    void theReportCountsTheUsualSuspectsFromEarlierCycles() throws Exception {
        long id = ItSupport.cycleTitled(base, "Youth spaces fund");
        JsonObject repeat = get(base, "/api/v1/cycles/" + id + "/jury").json().getJsonObject("usualSuspects");
        // Worked out here from the tables: pool members who volunteered or voted in a cycle opened earlier.
        String earlier = "(SELECT e.id FROM cycle e, cycle t WHERE t.id = ? AND e.created_at < t.created_at)";
        String repeatSql = "SELECT COUNT(*) FROM volunteer v WHERE v.cycle_id = ? %s AND (v.account_id IN"
                + " (SELECT o.account_id FROM volunteer o WHERE o.cycle_id IN " + earlier + ") OR v.account_id IN"
                + " (SELECT r.account_id FROM voter_register r WHERE r.cycle_id IN " + earlier + "))";
        try (java.sql.Connection c = ItSupport.connect()) {
            for (String[] scope : new String[][]{{"", "pool", "poolRepeat"},
                    {"AND v.status = 'SELECTED' AND (v.response IS NULL OR v.response <> 'DECLINED')",
                            "jury", "juryRepeat"}}) {
                try (var ps = c.prepareStatement(String.format(repeatSql, scope[0]))) {
                    ps.setLong(1, id);
                    ps.setLong(2, id);
                    ps.setLong(3, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(rs.getLong(1), repeat.getJsonNumber(scope[2]).longValue(), scope[2]);
                    }
                }
            }
        }
        assertTrue(repeat.getJsonNumber("poolRepeat").longValue() > 0, "the demo pool has people from earlier cycles");
        assertTrue(repeat.getJsonNumber("pool").longValue() >= repeat.getJsonNumber("poolRepeat").longValue());
    }

    @Test
    void aTestPanelMeetsTheQuotasAndRecordsNothing() throws Exception {
        long id = ItSupport.cycleTitled(base, "Library opening hours");
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        String head = get(base, "/api/v1/audit/verify").json().getString("head");
        for (String method : List.of("LEXIMIN", "MAXIMIN", "LEGACY")) {
            ItSupport.Reply r = ItSupport.postJson(base, "/api/v1/cycles/" + id + "/jury/test-panel?size=4&method="
                    + method, "", "Authorization", officer);
            assertEquals(200, r.status(), r.body());
            JsonObject panel = r.json();
            assertEquals(method.toLowerCase(), panel.getString("method"));
            for (JsonObject c : panel.getJsonArray("categories").getValuesAs(JsonObject.class)) {
                int n = c.getInt("selected");
                assertTrue(n >= c.getInt("min") && n <= c.getInt("max"), method + " " + c);
            }
            assertTrue(panel.getJsonNumber("minProbability").doubleValue() > 0, panel.toString());
        }
        assertEquals(head, get(base, "/api/v1/audit/verify").json().getString("head"), "nothing was recorded");
        assertEquals(0, get(base, "/api/v1/cycles/" + id + "/jury").json().getJsonArray("selected").size());
        assertEquals(403, ItSupport.postJson(base, "/api/v1/cycles/" + id + "/jury/test-panel?size=4&method=LEXIMIN",
                "", "Authorization", ItSupport.basic("resident01", ItSupport.DEMO_PASSWORD)).status());
    }

    @Test
    void beforeTheDrawNothingButTheQuotasAndCountsIsPublished() throws Exception {
        long id = ItSupport.cycleTitled(base, "Library opening hours");
        JsonObject draw = get(base, "/api/v1/cycles/" + id + "/jury").json();
        assertTrue(!draw.containsKey("seed") || draw.isNull("seed"), "the seed stays secret until the draw: " + draw);
        assertEquals(0, draw.getJsonArray("selected").size());
        assertEquals(4, draw.getJsonArray("representation").size());
        assertEquals(409, get(base, "/api/v1/cycles/" + id + "/jury/pool.csv").status());
    }
}
