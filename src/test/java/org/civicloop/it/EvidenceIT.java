package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.cycle.ValueCell;
import org.civicloop.evidence.EvidenceContent;
import org.civicloop.evidence.EvidenceItem;
import org.civicloop.evidence.Samples;
import org.civicloop.evidence.SocialValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evidence packs over the real WAR: every edit is a new version and published versions never change, the content
 * hash readers see is the SHA-256 of the published fields and the one written into the audit chain, only a second
 * officer signs off a pack's balance, attachments are sniffed and refused files leave nothing stored, and
 * questions to witnesses are moderated and answered.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvidenceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);
    private static final String REVIEWER = basic("reviewer", ItSupport.DEMO_PASSWORD);
    private static final String ADMIN = basic("demo-admin", ItSupport.DEMO_PASSWORD);
    private static final String FACILITATOR = basic("facilitator", ItSupport.DEMO_PASSWORD);
    private static final String RESIDENT = basic("resident", ItSupport.DEMO_PASSWORD);
    private static final String RESIDENT2 = basic("resident01", ItSupport.DEMO_PASSWORD);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A new cycle, launched (so it is public) and recruiting. */
    private long launchedCycle(String title) throws Exception {
        String mandate = "{\"title\":\"" + title + "\",\"currency\":\"GBP\",\"question\":\"What should the pot fund?\","
                + "\"purpose\":\"To let residents choose\",\"accountableOfficer\":\"Alex Officer\","
                + "\"budgetAmount\":20000,\"ladderLevel\":\"EMPOWER\",\"countingRule\":\"GREEDY\","
                + "\"valueCells\":[\"OUR_WELLBEING\"],\"feedbackPromiseDate\":\"" + LocalDate.now().plusDays(45)
                + "\",\"feedbackPromiseHow\":\"A report on the website\"}";
        ItSupport.Reply r = postJson(base, "/api/v1/cycles", "{\"council\":\"Test Council\",\"mandate\":" + mandate
                + "}", "Authorization", OFFICER);
        assertEquals(201, r.status(), r.body());
        long id = r.json().getJsonNumber("id").longValue();
        ok(postJson(base, "/api/v1/cycles/" + id + "/decision-items", "{\"title\":\"What the pot funds\","
                + "\"status\":\"OPEN\"}", "Authorization", OFFICER));
        ok(postJson(base, "/api/v1/cycles/" + id + "/success-criteria", "{\"kind\":\"OUTCOME\","
                + "\"description\":\"Residents feel heard\"}", "Authorization", OFFICER));
        ok(postJson(base, "/api/v1/cycles/" + id + "/advance", "{\"from\":\"AUTHORISE\"}", "Authorization", OFFICER));
        return id;
    }

    private static ItSupport.Reply ok(ItSupport.Reply r) {
        assertTrue(r.status() / 100 == 2, r.status() + " " + r.body());
        return r;
    }

    private static String item(String perspective, String title, String summary, String extra) {
        return "{\"kind\":\"BRIEFING\",\"perspective\":\"" + perspective + "\",\"title\":\"" + title
                + "\",\"summary\":\"" + summary + "\",\"source\":\"Council data team\",\"author\":\"Dana Analyst\","
                + "\"date\":\"2026-01-15\",\"valueCells\":[\"OUR_WELLBEING\"]" + extra + "}";
    }

    private String path(long cycle, String rest) {
        return "/api/v1/cycles/" + cycle + "/evidence" + rest;
    }

    private static String detail(ItSupport.Reply r) {
        return r.json().getString("detail");
    }

    @Test
    void everyEditIsANewVersionAndThePublishedHashIsTheOneInTheAuditChain() throws Exception {
        long cycle = launchedCycle("Evidence versions " + System.nanoTime());
        ItSupport.Reply added = postJson(base, path(cycle, "/items"), item("NEUTRAL", "Bus use",
                "Bus use fell by 10% in 2025.", ""), "Authorization", OFFICER);
        assertEquals(201, added.status(), added.body());
        long itemId = added.json().getJsonNumber("itemId").longValue();
        assertEquals(1, added.json().getInt("version"));
        JsonObject before = get(base, path(cycle, "")).json();
        assertEquals(0, before.getJsonArray("items").size(), "drafts are not public: " + before);

        ItSupport.Reply same = put(base, path(cycle, "/items/" + itemId), item("NEUTRAL", "Bus use",
                "Bus use fell by 10% in 2025.", ""), "Authorization", OFFICER);
        assertEquals(409, same.status(), "an edit that changes nothing makes no version: " + same.body());
        ItSupport.Reply v2 = put(base, path(cycle, "/items/" + itemId), item("NEUTRAL", "Bus use",
                "Bus use fell by 12% in 2025 (corrected).", ",\"changeNote\":\"Corrected figure\""),
                "Authorization", OFFICER);
        assertEquals(200, v2.status(), v2.body());
        assertEquals(2, v2.json().getInt("version"));

        assertEquals(201, postJson(base, path(cycle, "/review"), "{\"note\":\"ready\"}", "Authorization", OFFICER)
                .status());
        ItSupport.Reply duringReview = put(base, path(cycle, "/items/" + itemId), item("NEUTRAL", "Bus use",
                "Changed while in review.", ""), "Authorization", OFFICER);
        assertEquals(409, duringReview.status(), "the pack under review cannot change: " + duringReview.body());
        ok(postJson(base, path(cycle, "/review/approve"), "{}", "Authorization", REVIEWER));

        JsonObject pack = get(base, path(cycle, "")).json();
        assertEquals(1, pack.getInt("pack"));
        JsonObject published = pack.getJsonArray("items").getJsonObject(0);
        assertEquals(2, published.getInt("version"));
        assertEquals("NEUTRAL", published.getString("perspective"));
        String hash = published.getString("contentHash");
        assertEquals(recompute(published), hash, "the hash is the SHA-256 of the published content");
        long versionId = published.getJsonNumber("versionId").longValue();
        assertEquals("item=" + itemId + " version=2 sha256=" + hash,
                auditDetail("evidence.version.published", "evidence_item_version", versionId));
        assertTrue(auditDetail("evidence.pack.published", "evidence_pack", packId(cycle, 1))
                .endsWith("sha256=" + pack.getString("packHash")));

        // A later edit is a draft: readers still see version 2, unchanged, until the next sign-off.
        ok(put(base, path(cycle, "/items/" + itemId), item("NEUTRAL", "Bus use", "Bus use fell by 12% in 2025;"
                + " 2026 figures due in May.", ""), "Authorization", OFFICER));
        JsonObject still = get(base, path(cycle, "")).json().getJsonArray("items").getJsonObject(0);
        assertEquals(2, still.getInt("version"));
        assertEquals(hash, still.getString("contentHash"));
        assertEquals(hash, storedHash(versionId), "the published version's row is unchanged");

        // Readers see what changed between published versions, not the unpublished draft.
        assertEquals(List.of(2), get(base, path(cycle, "/items/" + itemId + "/versions")).array()
                .getValuesAs(JsonObject.class).stream().map(v -> v.getInt("version")).toList());
        assertEquals(404, get(base, path(cycle, "/items/" + itemId + "/diff?from=2&to=3")).status());
        ItSupport.Reply diff = get(base, path(cycle, "/items/" + itemId + "/diff?from=1&to=3"), "Authorization",
                OFFICER);
        assertEquals(200, diff.status(), diff.body());
        JsonObject change = diff.array().getJsonObject(0);
        assertEquals("summary", change.getString("field"));
        assertTrue(change.getJsonArray("segments").toString().contains("\"REMOVED\""), diff.body());

        JsonObject verdict = get(base, "/api/v1/audit/verify").json();
        assertTrue(verdict.getBoolean("valid"), "the audit chain still verifies: " + verdict);
    }

    @Test
    void onlyASecondOfficerSignsOffTheBalanceAndRejectionsCarryReasons() throws Exception {
        long cycle = launchedCycle("Evidence review " + System.nanoTime());
        ok(postJson(base, path(cycle, "/items"), item("FOR", "Why a new bus route", "Saves 10 minutes.", ""),
                "Authorization", OFFICER));
        assertEquals(409, postJson(base, path(cycle, "/review/approve"), "{}", "Authorization", REVIEWER).status(),
                "nothing is in review yet");
        ok(postJson(base, path(cycle, "/review"), "{}", "Authorization", OFFICER));
        ItSupport.Reply self = postJson(base, path(cycle, "/review/approve"), "{}", "Authorization", OFFICER);
        assertEquals(403, self.status(), "the submitter cannot sign off: " + self.body());
        ItSupport.Reply noReason = postJson(base, path(cycle, "/review/reject"), "{\"reason\":\"no\"}",
                "Authorization", REVIEWER);
        assertEquals(400, noReason.status(), noReason.body());
        ItSupport.Reply rejected = postJson(base, path(cycle, "/review/reject"),
                "{\"reason\":\"Only one side is heard: add the case against the route.\"}", "Authorization", REVIEWER);
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.json().getString("status"));
        assertTrue(get(base, path(cycle, "")).json().isNull("pack"), "a rejected pack is not published");
        JsonObject history = get(base, path(cycle, "/packs"), "Authorization", OFFICER).array().getJsonObject(0);
        assertEquals("Only one side is heard: add the case against the route.", history.getString("reviewReason"));
        assertEquals(403, get(base, path(cycle, "/packs"), "Authorization", RESIDENT).status());

        // The reviewer writes the missing counter-argument: now they are an author of something new in the pack.
        ok(postJson(base, path(cycle, "/items"), item("AGAINST", "The route's running costs",
                "Adds £90,000 a year.", ""), "Authorization", REVIEWER));
        ok(postJson(base, path(cycle, "/review"), "{}", "Authorization", OFFICER));
        assertEquals(403, postJson(base, path(cycle, "/review/approve"), "{}", "Authorization", REVIEWER).status(),
                "an author of new content cannot sign it off");
        ItSupport.Reply approved = postJson(base, path(cycle, "/review/approve"), "{\"note\":\"Balanced now\"}",
                "Authorization", ADMIN);
        assertEquals(200, approved.status(), approved.body());
        JsonObject pack = get(base, path(cycle, "")).json();
        assertEquals(2, pack.getInt("pack"));
        assertEquals("demo-admin", pack.getString("reviewedBy"));
        Set<String> perspectives = new HashSet<>();
        pack.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> perspectives.add(i.getString("perspective")));
        assertEquals(Set.of("FOR", "AGAINST"), perspectives);
        assertEquals(409, postJson(base, path(cycle, "/review"), "{}", "Authorization", OFFICER).status(),
                "nothing new since the published pack");
    }

    @Test
    void attachmentsAreSniffedAndRefusedFilesLeaveNothingStored() throws Exception {
        long cycle = launchedCycle("Evidence attachments " + System.nanoTime());
        long storedBefore = attachmentRows();

        Upload lying = upload(cycle, "minutes.pdf", "application/pdf", Samples.png());
        assertEquals(400, lying.status, lying.body);
        assertTrue(lying.body.contains("does not match"), lying.body);
        Upload html = upload(cycle, "report.pdf", "application/pdf", Samples.html());
        assertEquals(400, html.status, html.body);
        Upload script = upload(cycle, "report.pdf", "application/pdf",
                Samples.pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"));
        assertEquals(400, script.status, script.body);
        assertTrue(script.body.contains("active content"), script.body);
        Upload hidden = upload(cycle, "report.pdf", "application/pdf", Samples.pdfWithCompressedScript());
        assertEquals(400, hidden.status, hidden.body);
        Upload big = upload(cycle, "big.pdf", "application/pdf", Samples.pdfOfSize(5 * 1024 * 1024 + 1));
        assertEquals(400, big.status, big.body);
        assertTrue(big.body.contains("too large"), big.body);
        Upload declaredHtml = upload(cycle, "report.pdf", "text/html", Samples.pdf());
        assertEquals(400, declaredHtml.status, "a declared type that lies is refused: " + declaredHtml.body);
        assertEquals(storedBefore, attachmentRows(), "nothing stored for refused files");

        Upload good = upload(cycle, "../Bus report \"2025\".pdf", "application/pdf", Samples.pdf());
        assertEquals(201, good.status, good.body);
        long attachmentId = new ItSupport.Reply(201, "", good.body, null).json().getJsonNumber("id").longValue();
        assertEquals(storedBefore + 2, attachmentRows(), "the file's row and its bytes");
        Upload draftImage = upload(cycle, "chart.png", "image/png", Samples.png());
        assertEquals(201, draftImage.status, draftImage.body);

        ok(postJson(base, path(cycle, "/items"), item("NEUTRAL", "Bus report", "The full report.",
                ",\"attachmentId\":" + attachmentId), "Authorization", OFFICER));
        ok(postJson(base, path(cycle, "/review"), "{}", "Authorization", OFFICER));
        ok(postJson(base, path(cycle, "/review/approve"), "{}", "Authorization", REVIEWER));
        JsonObject published = get(base, path(cycle, "")).json().getJsonArray("items").getJsonObject(0);
        assertEquals("application/pdf", published.getJsonObject("attachment").getString("mediaType"));
        assertEquals(recompute(published), published.getString("contentHash"), "the file's hash is in the content");

        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + path(cycle, "/attachments/" + attachmentId))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""));
        String disposition = file.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;") && disposition.contains("Bus report _2025_.pdf"), disposition);
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertArrayEquals(Samples.pdf(), file.body());

        long draftId = new ItSupport.Reply(201, "", draftImage.body, null).json().getJsonNumber("id")
                .longValue();
        assertEquals(404, get(base, path(cycle, "/attachments/" + draftId)).status(),
                "an attachment no published item uses is not public");
        assertEquals(200, get(base, path(cycle, "/attachments/" + draftId), "Authorization", OFFICER).status());
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE evidence_attachment_content SET content = ? WHERE attachment_id = ?")) {
            ps.setBytes(1, Samples.jpeg());
            ps.setLong(2, draftId);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(404, get(base, path(cycle, "/attachments/" + draftId), "Authorization", OFFICER).status(),
                "bytes changed behind the application's back no longer match their SHA-256 and are not served");
    }

    @Test
    void questionsAreModeratedMergedRejectedWithAReasonAndAnswered() throws Exception {
        long cycle = launchedCycle("Evidence questions " + System.nanoTime());
        long itemId = ok(postJson(base, path(cycle, "/items"), item("FOR", "Night buses", "A night bus every hour.",
                ""), "Authorization", OFFICER)).json().getJsonNumber("itemId").longValue();
        assertEquals(404, postJson(base, path(cycle, "/items/" + itemId + "/questions"),
                "{\"text\":\"Is this published yet?\"}", "Authorization", RESIDENT).status(), "drafts take no questions");
        ok(postJson(base, path(cycle, "/review"), "{}", "Authorization", OFFICER));
        ok(postJson(base, path(cycle, "/review/approve"), "{}", "Authorization", REVIEWER));

        String ask = path(cycle, "/items/" + itemId + "/questions");
        long first = ok(postJson(base, ask, "{\"text\":\"What does a night bus cost per year?\"}", "Authorization",
                RESIDENT)).json().getJsonNumber("id").longValue();
        long duplicate = ok(postJson(base, ask, "{\"text\":\"How much would the night bus cost each year?\"}",
                "Authorization", RESIDENT2)).json().getJsonNumber("id").longValue();
        long abusive = ok(postJson(base, ask, "{\"text\":\"Why are the drivers so stupid?\"}", "Authorization",
                RESIDENT2)).json().getJsonNumber("id").longValue();
        assertEquals(403, postJson(base, ask, "{\"text\":\"An officer question\"}", "Authorization", OFFICER).status());
        assertEquals(400, postJson(base, ask, "{\"text\":\"?\"}", "Authorization", RESIDENT).status());

        List<Long> queued = get(base, path(cycle, "/questions/queue"), "Authorization", FACILITATOR).array()
                .getValuesAs(JsonObject.class).stream().map(q -> q.getJsonNumber("id").longValue()).toList();
        assertEquals(List.of(first, duplicate, abusive), queued);
        assertEquals(403, get(base, path(cycle, "/questions/queue"), "Authorization", RESIDENT).status());

        ok(postJson(base, path(cycle, "/questions/" + duplicate + "/merge"), "{\"into\":" + first + "}",
                "Authorization", FACILITATOR));
        assertEquals(400, postJson(base, path(cycle, "/questions/" + abusive + "/reject"), "{}", "Authorization",
                FACILITATOR).status(), "a rejection needs a reason");
        ok(postJson(base, path(cycle, "/questions/" + abusive + "/reject"),
                "{\"reason\":\"Please ask about the evidence, not about people.\"}", "Authorization", FACILITATOR));
        ok(postJson(base, path(cycle, "/questions/" + first + "/answer"),
                "{\"answer\":\"About £180,000 a year.\",\"witness\":\"Transport planner\"}", "Authorization",
                OFFICER));
        assertEquals(409, postJson(base, path(cycle, "/questions/" + first + "/answer"),
                "{\"answer\":\"Again\",\"witness\":\"x\"}", "Authorization", OFFICER).status());

        JsonObject answered = get(base, path(cycle, "/questions")).array().getJsonObject(0);
        assertEquals("About £180,000 a year.", answered.getString("answer"));
        assertEquals(1, answered.getInt("duplicates"), "the merged duplicate counts");
        assertEquals(1, get(base, path(cycle, "")).json().getJsonArray("items").getJsonObject(0)
                .getInt("answeredQuestions"));
        assertEquals(0, get(base, path(cycle, "/questions/queue"), "Authorization", FACILITATOR).array().size());

        List<JsonObject> mine = get(base, path(cycle, "/questions/mine"), "Authorization", RESIDENT2).array()
                .getValuesAs(JsonObject.class);
        JsonObject merged = mine.stream().filter(q -> q.getJsonNumber("id").longValue() == duplicate).findFirst()
                .orElseThrow();
        assertEquals("MERGED", merged.getString("status"));
        assertEquals("About £180,000 a year.", merged.getString("answer"), "a merged question shares the answer");
        JsonObject rejected = mine.stream().filter(q -> q.getJsonNumber("id").longValue() == abusive).findFirst()
                .orElseThrow();
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals("Please ask about the evidence, not about people.", rejected.getString("rejectReason"));

        JsonObject search = get(base, path(cycle, "/search?q=NIGHT%20180")).array().getJsonObject(0);
        assertTrue(search.getBoolean("inQuestions"), "search finds words in the answers too: " + search);
        assertEquals(0, get(base, path(cycle, "/search?q=tram")).array().size());
    }

    @Test
    void theDemoPackIsBalancedVersionedQuestionedAndRead() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Greener streets 2026");
        JsonObject pack = get(base, path(cycle, "")).json();
        assertEquals(3, pack.getInt("pack"), "rejected once, published, corrected and published again");
        List<JsonObject> items = pack.getJsonArray("items").getValuesAs(JsonObject.class);
        Set<String> perspectives = new HashSet<>();
        items.forEach(i -> perspectives.add(i.getString("perspective")));
        assertEquals(Set.of("FOR", "AGAINST", "NEUTRAL", "LIVED_EXPERIENCE"), perspectives);
        assertTrue(items.stream().anyMatch(i -> i.getString("kind").equals("COUNTER_ARGUMENT")));
        assertTrue(items.stream().anyMatch(i -> i.getString("kind").equals("LIVED_EXPERIENCE_WITNESS")));
        assertTrue(items.stream().anyMatch(i -> i.getInt("version") == 2), "one item has a published second version");
        assertTrue(items.stream().anyMatch(i -> i.containsKey("socialValue") && !i.isNull("socialValue")), "costed options carry social value");
        for (JsonObject i : items) {
            assertEquals(recompute(i), i.getString("contentHash"), i.getString("title"));
        }
        assertTrue(get(base, path(cycle, "/questions")).array().size() >= 2);
        List<JsonObject> progress = get(base, path(cycle, "/progress"), "Authorization", FACILITATOR).array()
                .getValuesAs(JsonObject.class);
        assertEquals(6, progress.size(), "one line per juror");
        assertTrue(progress.stream().allMatch(p -> p.getInt("total") == items.size() && p.getInt("read") > 0),
                progress.toString());
        assertFalse(progress.toString().contains("resident"), "counts and display names only");
        assertEquals(403, get(base, path(cycle, "/progress"), "Authorization", RESIDENT).status());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The content hash recomputed from the published fields, as anyone could. */
    static String recompute(JsonObject i) {
        List<String> options = i.getJsonArray("options").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        Set<ValueCell> cells = new HashSet<>();
        i.getJsonArray("valueCells").getValuesAs(JsonString.class).forEach(c -> cells.add(ValueCell.valueOf(c.getString())));
        SocialValue sv = null;
        if (i.containsKey("socialValue") && i.get("socialValue").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject s = i.getJsonObject("socialValue");
            sv = new SocialValue(num(s, "economic"), str(s, "economicWhy"), num(s, "social"), str(s, "socialWhy"),
                    num(s, "environmental"), str(s, "environmentalWhy"));
        }
        String attachment = i.containsKey("attachment") && !i.isNull("attachment")
                ? i.getJsonObject("attachment").getString("sha256") : null;
        return new EvidenceContent(EvidenceItem.Kind.valueOf(i.getString("kind")),
                EvidenceItem.Perspective.valueOf(i.getString("perspective")), i.getString("title"),
                i.getString("summary"), i.getString("source"), i.getString("author"),
                LocalDate.parse(i.getString("date")), options, cells, sv, attachment).hash();
    }

    private static Integer num(JsonObject o, String k) {
        return o.containsKey(k) && !o.isNull(k) ? o.getInt(k) : null;
    }

    private static String str(JsonObject o, String k) {
        return o.containsKey(k) && !o.isNull(k) ? o.getString(k) : null;
    }

    private record Upload(int status, String body) {
    }

    private Upload upload(long cycle, String name, String type, byte[] bytes) throws Exception {
        String url = base.toString().replaceAll("/$", "") + path(cycle, "/attachments?name="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", OFFICER)
                .header("Content-Type", type).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        return new Upload(r.statusCode(), r.body());
    }

    private static long attachmentRows() throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM evidence_attachment) + (SELECT COUNT(*) FROM"
                        + " evidence_attachment_content)"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String storedHash(long versionId) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT content_hash FROM evidence_item_version WHERE id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long packId(long cycle, int packNo) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM evidence_pack WHERE cycle_id = ? AND pack_no = ?")) {
            ps.setLong(1, cycle);
            ps.setInt(2, packNo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String auditDetail(String action, String type, long id) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT detail FROM audit_entry WHERE action = ? AND entity_type = ? AND entity_id = ?")) {
            ps.setString(1, action);
            ps.setString(2, type);
            ps.setString(3, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "audit entry " + action + " for " + type + " " + id);
                return rs.getString(1);
            }
        }
    }
}
