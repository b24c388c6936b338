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

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);

    /** A new cycle, launched through the API, now recruiting its jury. */
    private long recruitingCycle(String title) throws Exception {
        return ItSupport.recruitingCycle(base, OFFICER, title, "Which parks get new benches?",
                "Older residents asked for places to rest", 20000, "Where the benches go", "More older people use the parks");
    }

    private static final String QUOTAS = "feature,value,min,max\nage,young,2,3\nage,old,2,3\n";

    /**
     * A letter round's people file: names, a phone number and address lines with commas, quotes and accents besides
     * the category; people 1 to 4 share one address (spelled differently), 5 and 6 another.
     */
    private static String peopleFile() {
        StringBuilder csv = new StringBuilder("ref,Given name,Family name,age,Address line 1,Postcode,notes\n");
        for (int i = 1; i <= 16; i++) {
            String line1 = i <= 4 ? (i % 2 == 0 ? "1 Elm Road, Flat A" : "1  elm road flat a") : i <= 6 ? "9 Oak Row"
                    : i + " Birch Close";
            String postcode = i <= 4 ? "RV1 1AA" : i <= 6 ? "RV2 2BB" : "RV3 " + i + "CC";
            csv.append("P-").append(i).append(",Zoë ").append(i).append(",\"O'Neill, \"\"Jr\"\"\",")
                    .append(i % 2 == 0 ? "young" : "old").append(",\"").append(line1).append("\",").append(postcode)
                    .append(",").append(i == 3 ? " keeps spaces " : "").append('\n');
        }
        return csv.toString();
    }

    private JsonObject awaitDraw(long id) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            ItSupport.Reply s = get(base, "/api/v1/cycles/" + id + "/jury/draw", "Authorization", OFFICER);
            assertEquals(200, s.status(), s.body());
            if (!"RUNNING".equals(s.json().getString("state")) || System.nanoTime() > until) {
                return s.json();
            }
            Thread.sleep(100);
        }
    }

    @Test
    void anImportedPoolIsDrawnOffTheRequestOnePerHouseholdAndExportsUnchanged() throws Exception {
        long id = recruitingCycle("Park benches " + System.nanoTime());
        String cy = "/api/v1/cycles/" + id + "/jury";
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv", QUOTAS, "Authorization", OFFICER).status());

        // A file with a value that has no quota on its fifth line: refused with the line named, nothing imported.
        String head = ItSupport.awaitChained(base).getString("head");
        String bad = peopleFile().replace("P-4,Zoë 4,\"O'Neill, \"\"Jr\"\"\",young", "P-4,Zoë 4,\"O'Neill, \"\"Jr\"\"\",middle");
        ItSupport.Reply refused = ItSupport.post(base, cy + "/people?idColumn=ref&addressColumns=Address%20line%201,"
                + "Postcode", "text/csv", bad, "Authorization", OFFICER);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("line ~5"), refused.body());
        assertTrue(refused.json().getString("detail").contains("middle"), refused.body());
        assertEquals(head, ItSupport.awaitChained(base).getString("head"), "nothing was recorded");
        assertEquals(0, get(base, cy).json().getInt("volunteers"));

        String file = peopleFile();
        ItSupport.Reply imported = ItSupport.post(base, cy + "/people?idColumn=ref&addressColumns=Address%20line%201,"
                + "Postcode", "text/csv", file, "Authorization", OFFICER);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(16, imported.json().getInt("imported"));
        assertEquals(16, get(base, cy).json().getInt("volunteers"));
        assertEquals(409, ItSupport.post(base, cy + "/people?idColumn=ref", "text/csv", file, "Authorization",
                OFFICER).status(), "the same ids twice");
        // The imported people took part (without accounts): the cycle's engagement metrics count them, each once, but
        // the repeat share stays unrecorded, as nothing links them to other cycles (docs/measure.md).
        JsonObject metrics = get(base, "/api/v1/cycles/" + id + "/outcomes/metrics").json();
        assertEquals(16, metrics.getInt("participants"), metrics.toString());
        assertTrue(!metrics.containsKey("repeatShare") || metrics.isNull("repeatShare"), metrics.toString());

        // The officers' export gives the file back exactly; nobody else sees it.
        ItSupport.Reply export = get(base, cy + "/people.csv", "Authorization", OFFICER);
        assertEquals(200, export.status(), export.body());
        // Cell for cell (CSV quoting is the only thing that may differ: cells are quoted where CSV needs it).
        assertEquals(org.civicloop.kernel.Csv.read(new java.io.StringReader(file)),
                org.civicloop.kernel.Csv.read(new java.io.StringReader(export.body())), "every column, in order, unchanged");
        assertTrue(export.body().contains(", keeps spaces \n"), "spaces inside a cell are kept: " + export.body());
        assertEquals(403, get(base, cy + "/people.csv", "Authorization",
                ItSupport.basic("resident01", ItSupport.DEMO_PASSWORD)).status());
        assertEquals(401, get(base, cy + "/people.csv").status());

        // Commit, then draw off the request: 202 and a status to poll; a second start is refused.
        String seed = "benches-" + System.nanoTime();
        assertEquals(201, ItSupport.postJson(base, cy + "/commitment", "{\"size\":4,\"seed\":\"" + seed + "\"}",
                "Authorization", OFFICER).status());
        ItSupport.Reply started = ItSupport.post(base, cy + "/draw", "application/json", "", "Authorization", OFFICER);
        assertEquals(202, started.status(), started.body());
        assertEquals("/api/v1/cycles/" + id + "/jury/draw",
                started.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")
                        .replaceFirst("^/[^/]+/api", "/api")).orElse(""));
        ItSupport.Reply again = ItSupport.post(base, cy + "/draw", "application/json", "", "Authorization", OFFICER);
        assertEquals(409, again.status(), "refused whether the first is still running or done: " + again.body());
        JsonObject status = awaitDraw(id);
        assertEquals("DONE", status.getString("state"), status.toString());
        assertEquals(4, status.getInt("drawn"));

        JsonObject draw = get(base, cy).json();
        List<String> selected = draw.getJsonArray("selected").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertEquals(4, selected.size());
        // The household rule: the drawn, mapped back to their file ids through the database, share no address.
        java.util.Map<String, String> household = new java.util.HashMap<>();
        try (java.sql.Connection c = ItSupport.connect();
             var ps = c.prepareStatement("SELECT volunteer_id, external_id FROM volunteer_personal WHERE cycle_id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = Integer.parseInt(rs.getString(2).substring(2));
                    household.put(Long.toString(rs.getLong(1)), n <= 4 ? "elm" : n <= 6 ? "oak" : "own" + n);
                }
            }
        }
        assertEquals(4, selected.stream().map(household::get).distinct().count(), "one per household: " + selected);

        // The published pool: anonymised, with household pseudonyms; the offline tool re-runs the same jury.
        String pool = get(base, cy + "/pool.csv").body();
        assertTrue(pool.startsWith("id,age,household\n"), pool);
        assertTrue(!pool.contains("Zoë") && !pool.contains("Elm") && !pool.contains("P-"), "no personal data: " + pool);
        Path quotas = Files.createTempFile("quotas", ".csv");
        Files.writeString(quotas, get(base, cy + "/quotas.csv").body());
        Path people = Files.createTempFile("pool", ".csv");
        Files.writeString(people, pool);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SelectCommand.run(new String[]{"--categories", quotas.toString(), "--respondents",
                        people.toString(), "--panel", "4", "--seed", seed, "--id-column", "id", "--address-columns",
                        "household"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(new TreeSet<>(selected), new TreeSet<>(Arrays.stream(out.toString(StandardCharsets.UTF_8)
                .split("\\R")).filter(x -> !x.isBlank()).toList()), "the offline tool draws the same jury");
        assertEquals(409, ItSupport.post(base, cy + "/people?idColumn=ref", "text/csv", file.replace("P-", "Q-"),
                "Authorization", OFFICER).status(), "no import once drawn");
        JsonObject verdict = ItSupport.awaitChained(base);
        assertTrue(verdict.getBoolean("valid"), "every imported row and answer is in the audit chain: " + verdict);
    }

    @Test
    void aDrawThatCannotMeetTheQuotasSaysWhyAndChangesNothing() throws Exception {
        long id = recruitingCycle("Play areas " + System.nanoTime());
        String cy = "/api/v1/cycles/" + id + "/jury";
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv",
                "feature,value,min,max\nage,young,3,4\nage,old,0,4\n", "Authorization", OFFICER).status());
        StringBuilder csv = new StringBuilder("id,name,age\n");
        for (int i = 1; i <= 6; i++) {
            csv.append(i).append(",Person ").append(i).append(',').append(i == 1 ? "young" : "old").append('\n');
        }
        assertEquals(200, ItSupport.post(base, cy + "/people", "text/csv", csv.toString(), "Authorization", OFFICER)
                .status());
        assertEquals(404, get(base, cy + "/draw", "Authorization", OFFICER).status(), "no draw started yet");
        assertEquals(201, ItSupport.postJson(base, cy + "/commitment", "{\"size\":4,\"seed\":\"s\"}",
                "Authorization", OFFICER).status());
        String head = ItSupport.awaitChained(base).getString("head");
        assertEquals(202, ItSupport.post(base, cy + "/draw", "application/json", "", "Authorization", OFFICER).status());
        JsonObject status = awaitDraw(id);
        assertEquals("FAILED", status.getString("state"), status.toString());
        assertTrue(status.getString("reason").contains("age=young"), status.toString());
        assertTrue(status.getString("reason").contains("relaxation"), status.toString());
        // The reasons and the relaxation as data: one young person, three wanted; the minimum lowered to one.
        JsonObject why = status.getJsonObject("infeasibility");
        JsonObject reason = why.getJsonArray("reasons").getJsonObject(0);
        assertEquals(List.of("TOO_FEW_WITH_VALUE", "age", "young", 1, 3), List.of(reason.getString("kind"),
                reason.getString("feature"), reason.getString("value"), reason.getInt("count"), reason.getInt("limit")),
                why.toString());
        JsonObject change = why.getJsonArray("relaxation").getJsonObject(0);
        assertEquals(List.of("age", "young", 3, 4, 1, 4), List.of(change.getString("feature"),
                change.getString("value"), change.getInt("oldMin"), change.getInt("oldMax"), change.getInt("newMin"),
                change.getInt("newMax")), why.toString());
        // The officer reading the workspace in Spanish reads the reasons in Spanish, as a list. A language kept on the
        // account wins over the browser's (earlier tests may have kept one): it is set aside for this request and put
        // back as it was, so that the account row still matches its audit entry.
        String kept = ItSupport.keptLanguage("officer", null);
        String page;
        try {
            WebSession spanish = new WebSession(base).language("es").signedIn("officer", ItSupport.DEMO_PASSWORD);
            page = spanish.get("/officer/cycle.xhtml?id=" + id).body();
        } finally {
            ItSupport.keptLanguage("officer", kept);
        }
        assertTrue(page.matches("(?s).*<html[^>]*lang=\"es\".*"), "the workspace is in Spanish");
        assertTrue(page.contains("No se pueden cumplir las cuotas por age=young."), page);
        assertTrue(page.contains("<li>age=young: m") && page.contains("pero solo hay 1 persona en el grupo</li>"),
                page);
        assertTrue(!page.contains("but only 1 person"), "no English reason on the Spanish page");
        assertEquals(head, ItSupport.awaitChained(base).getString("head"), "nothing was recorded");
        JsonObject draw = get(base, cy).json();
        assertTrue(!draw.containsKey("drawnAt") || draw.isNull("drawnAt"), draw.toString());
        assertEquals(0, draw.getJsonArray("selected").size());
        assertEquals(409, ItSupport.post(base, cy + "/retention", "application/json", "", "Authorization", OFFICER)
                .status(), "personal data of a cycle still recruiting is kept");
    }

    @Test
    void aDrawLostWithItsServerIsReportedInterruptedAndCanBeStartedAgain() throws Exception {
        long id = recruitingCycle("Water fountains " + System.nanoTime());
        String cy = "/api/v1/cycles/" + id + "/jury";
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv", QUOTAS, "Authorization", OFFICER).status());
        assertEquals(200, ItSupport.post(base, cy + "/people?idColumn=ref&addressColumns=Address%20line%201,Postcode",
                "text/csv", peopleFile(), "Authorization", OFFICER).status());
        assertEquals(201, ItSupport.postJson(base, cy + "/commitment", "{\"size\":4,\"seed\":\"fountains\"}",
                "Authorization", OFFICER).status());
        // A draw that a server started and then lost (it stopped two minutes ago without finishing).
        try (java.sql.Connection c = ItSupport.connect()) {
            long runId;
            try (var rs = c.createStatement().executeQuery("SELECT nextval('jury_draw_run_seq')")) {
                rs.next();
                runId = rs.getLong(1);
            }
            try (var ps = c.prepareStatement("INSERT INTO jury_draw_run (id, cycle_id, state, progress, started_at,"
                    + " drawn, node, heartbeat_at) VALUES (?, ?, 'RUNNING', 'column 3', ?, 0, 'a stopped server', ?)")) {
                java.sql.Timestamp then = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(180));
                ps.setLong(1, runId);
                ps.setLong(2, id);
                ps.setTimestamp(3, then);
                ps.setTimestamp(4, then);
                ps.executeUpdate();
            }
        }
        ItSupport.Reply lost = get(base, cy + "/draw", "Authorization", OFFICER);
        assertEquals(200, lost.status(), lost.body());
        assertEquals("FAILED", lost.json().getString("state"), lost.body());
        assertTrue(lost.json().getString("reason").contains("interrupted"), lost.body());
        ItSupport.Reply again = ItSupport.post(base, cy + "/draw", "application/json", "", "Authorization", OFFICER);
        assertEquals(202, again.status(), "a lost draw does not block a new one: " + again.body());
        JsonObject status = awaitDraw(id);
        assertEquals("DONE", status.getString("state"), status.toString());
        assertEquals(4, status.getInt("drawn"));
    }

    @Test
    void theDemoLibraryPoolMixesImportedAndRegisteredPeopleAndKeepsTheFileForOfficers() throws Exception {
        long id = ItSupport.cycleTitled(base, "Library opening hours");
        ItSupport.Reply export = get(base, "/api/v1/cycles/" + id + "/jury/people.csv", "Authorization", OFFICER);
        assertEquals(200, export.status(), export.body());
        assertTrue(export.body().startsWith("id,first_name,last_name,phone,address,postcode,age,area\n"), export.body());
        assertTrue(export.body().contains("O'Brien"), export.body());
        try (java.sql.Connection c = ItSupport.connect();
             var ps = c.prepareStatement("SELECT COUNT(*) FROM volunteer_personal p JOIN volunteer v ON"
                     + " v.id = p.volunteer_id WHERE p.cycle_id = ? AND v.account_id IS NOT NULL AND p.household_key IN"
                     + " (SELECT o.household_key FROM volunteer_personal o WHERE o.cycle_id = ? AND o.external_id"
                     + " IS NOT NULL)")) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getLong(1), "the registered resident at 4 Mill Lane shares a household");
            }
        }
    }
}
