package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deciding and feeding back against the real WAR: the sign-off rule, immutable report versions and corrections,
 * the PDF and the responses CSV, the e-mail at a real SMTP server, and the overdue promise. Each test starts from its
 * own cycle in DECIDE (made directly in the database: a cycle whose vote is over, with its recommendations) and then
 * goes only through the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FeedbackIT {

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);
    /** A second officer for sign-offs (an administrator may act as an officer). */
    private static final String SECOND = basic("demo-admin", ItSupport.DEMO_PASSWORD);
    private static final String RESIDENT = basic("resident01", ItSupport.DEMO_PASSWORD);
    private static GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startMailServer() {
        int port = Integer.parseInt(System.getProperty("it.smtp.port", "3025"));
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
    }

    /** A published cycle in DECIDE whose vote is over, with one recommendation per title; its id. */
    private static long cycleInDecide(String title, LocalDate promise, String... recommendations) throws Exception {
        long id = newId();
        try (Connection c = ItSupport.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycle (id, council, title, question, currency,"
                    + " phase, published, demo, created_at, created_by, version, feedback_promise_date,"
                    + " feedback_promise_how, mandate_published_at, budget_amount, decision_maker)"
                    + " VALUES (?, 'IT Council', ?, 'What should we fund?', 'GBP', 'DECIDE', TRUE, FALSE, ?, 'officer',"
                    + " 0, ?, 'A report on this site', ?, 50000, 'Cabinet')")) {
                Timestamp now = Timestamp.from(Instant.now().minusSeconds(86_400 * 10));
                ps.setLong(1, id);
                ps.setString(2, title);
                ps.setTimestamp(3, now);
                ps.setDate(4, Date.valueOf(promise));
                ps.setTimestamp(5, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO phase_transition (id, cycle_id, from_phase,"
                    + " to_phase, moved_at, actor) VALUES (?, ?, 'VOTE', 'DECIDE', ?, 'officer')")) {
                ps.setLong(1, newId());
                ps.setLong(2, id);
                ps.setTimestamp(3, Timestamp.from(Instant.now().minusSeconds(86_400 * 2)));
                ps.executeUpdate();
            }
            int rank = 1;
            for (String r : recommendations) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO recommendation (id, cycle_id,"
                        + " rank_position, title, support, source, jury_ballots, ranked_by, first_choices)"
                        + " VALUES (?, ?, ?, ?, 'Ranked by 5 of 6 jurors', 'COUNT', 6, 5, 3)")) {
                    ps.setLong(1, newId());
                    ps.setLong(2, id);
                    ps.setInt(3, rank++);
                    ps.setString(4, r);
                    ps.executeUpdate();
                }
            }
        }
        return id;
    }

    private List<JsonObject> recommendations(long cycle) throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/cycles/" + cycle + "/recommendations", "Authorization", OFFICER);
        assertEquals(200, r.status(), r.body());
        return r.array().getValuesAs(JsonObject.class);
    }

    private static String response(String kind, boolean political, String rationale) {
        boolean taken = kind.equals("ADOPTED") || kind.equals("MODIFIED");
        return "{\"response\":\"" + kind + "\",\"rationale\":\"" + rationale + "\","
                + "\"tradeOff\":\"Other works wait a year.\","
                + (taken ? "\"budgetLine\":\"NP-2026-09\",\"amountCommitted\":12000," : "")
                + "\"whoLoses\":\"Drivers on Mill Lane.\",\"offered\":\"New parking on Hill Street.\","
                + "\"decisionMaker\":\"Cabinet\",\"politicalDecision\":" + political + "}";
    }

    private ItSupport.Reply respond(long cycle, long rec, String json, String auth) throws Exception {
        return put(base, "/api/v1/cycles/" + cycle + "/recommendations/" + rec + "/response", json,
                "Authorization", auth);
    }

    private ItSupport.Reply signOff(long cycle, long rec, String member, LocalDate on, String auth) throws Exception {
        return postJson(base, "/api/v1/cycles/" + cycle + "/recommendations/" + rec + "/signoff",
                "{\"member\":\"" + member + "\",\"signedOn\":\"" + on + "\"}", "Authorization", auth);
    }

    private void advance(long cycle, String from) throws Exception {
        ItSupport.Reply r = postJson(base, "/api/v1/cycles/" + cycle + "/advance", "{\"from\":\"" + from + "\"}",
                "Authorization", OFFICER);
        assertEquals(200, r.status(), r.body());
    }

    private ItSupport.Reply publish(long cycle) throws Exception {
        return postJson(base, "/api/v1/cycles/" + cycle + "/report", "{\"summary\":\"Because of you, the crossing"
                + " is built.\",\"nextSteps\":\"Works start in May.\",\"nextDate\":\"2030-05-01\"}",
                "Authorization", OFFICER);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A cycle answered and published (one ADOPTED, one REJECTED); its id. */
    private long publishedCycle(String title) throws Exception {
        long id = cycleInDecide(title, today().plusDays(30), "Zebra crossing on Mill Lane", "Skate park lights");
        List<JsonObject> recs = recommendations(id);
        assertEquals(200, respond(id, recs.get(0).getJsonNumber("id").longValue(),
                response("ADOPTED", false, "Funded in full this year."), OFFICER).status());
        assertEquals(200, respond(id, recs.get(1).getJsonNumber("id").longValue(),
                response("REJECTED", false, "Lights would disturb the houses on Park Row."), OFFICER).status());
        advance(id, "DECIDE");
        assertEquals(201, publish(id).status());
        return id;
    }

    @Test
    void aResponseForPoliticalDecisionIsPublishedOnlyWithAMemberSignOffRecordedByASecondOfficer() throws Exception {
        long id = cycleInDecide("Sign-off rules", today().plusDays(30), "Close Station Road to through traffic");
        long rec = recommendations(id).get(0).getJsonNumber("id").longValue();

        ItSupport.Reply incomplete = respond(id, rec, "{\"response\":\"ADOPTED\",\"rationale\":\"Yes.\","
                + "\"decisionMaker\":\"Cabinet\",\"politicalDecision\":true}", OFFICER);
        assertEquals(400, incomplete.status(), "the trade-off, budget and who loses out are required");
        assertEquals(0, recommendations(id).stream().filter(r -> !absent(r, "response")).count(),
                "a refused response changes nothing");
        assertEquals(403, respond(id, rec, response("ADOPTED", true, "Yes."), RESIDENT).status());
        assertEquals(200, respond(id, rec, response("ADOPTED", true, "Backed by 5 of 6 jurors."), OFFICER).status());

        ItSupport.Reply same = signOff(id, rec, "Cllr Amina Shah", today(), OFFICER);
        assertEquals(409, same.status(), "the officer who recorded the response cannot record its sign-off");
        assertTrue(same.body().contains("different officer"), same.body());
        assertEquals(400, signOff(id, rec, "Cllr Amina Shah", today().plusDays(1), SECOND).status(),
                "a sign-off cannot be dated in the future");
        assertEquals(400, signOff(id, rec, " ", today(), SECOND).status(), "the member is named");

        advance(id, "DECIDE");
        ItSupport.Reply refused = publish(id);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("Close Station Road to through traffic"), "names what needs a sign-off");

        assertEquals(200, signOff(id, rec, "Cllr Amina Shah", today(), SECOND).status());
        assertEquals(409, signOff(id, rec, "Cllr Someone Else", today(), SECOND).status(), "signed off once");

        assertEquals(200, respond(id, rec, response("MODIFIED", true, "Only at school times."), OFFICER).status());
        JsonObject changed = recommendations(id).get(0);
        assertTrue(absent(changed, "signoffMember"), "a changed response loses its sign-off: " + changed);
        assertEquals(409, publish(id).status(), "so it cannot be published without a new sign-off");

        assertEquals(200, signOff(id, rec, "Cllr Amina Shah", today(), SECOND).status());
        assertEquals(201, publish(id).status());
        JsonObject decision = get(base, "/api/v1/cycles/" + id + "/report").json().getJsonArray("decisions")
                .getJsonObject(0);
        assertEquals("MODIFIED", decision.getString("response"));
        assertEquals("Cllr Amina Shah", decision.getString("signoffMember"));
        assertEquals(today().toString(), decision.getString("signoffOn"));
    }

    @Test
    void aPublishedReportNeverChangesACorrectionIsANewVersionWithItsNoteAndEveryHashIsInTheAuditChain()
            throws Exception {
        long id = publishedCycle("Immutable report");
        String v1 = get(base, "/api/v1/cycles/" + id + "/report/versions/1").body();
        JsonObject listed = get(base, "/api/v1/cycles/" + id + "/report/versions").array().getJsonObject(0);
        String hash = listed.getString("sha256");
        assertEquals(sha256(v1), hash, "the published hash is the SHA-256 of exactly what is served");

        assertEquals(409, publish(id).status(), "a published report is not published again; it is corrected");
        assertEquals(403, postJson(base, "/api/v1/cycles/" + id + "/report/corrections", "{}",
                "Authorization", RESIDENT).status());
        ItSupport.Reply noNote = postJson(base, "/api/v1/cycles/" + id + "/report/corrections",
                "{\"summary\":\"x\",\"nextSteps\":\"y\",\"changeNote\":\" \"}", "Authorization", OFFICER);
        assertEquals(400, noNote.status(), "a correction says what it changes");

        long lights = recommendations(id).get(1).getJsonNumber("id").longValue();
        assertEquals(200, respond(id, lights, response("DEFERRED", false, "We will ask Park Row first."), OFFICER)
                .status());
        assertEquals(v1, get(base, "/api/v1/cycles/" + id + "/report/versions/1").body(),
                "changing a response after publication does not touch the published report");
        ItSupport.Reply corrected = postJson(base, "/api/v1/cycles/" + id + "/report/corrections",
                "{\"summary\":\"Because of you, the crossing is built and the lights are deferred.\","
                        + "\"nextSteps\":\"Works start in May.\","
                        + "\"changeNote\":\"The skate park lights are deferred, not rejected.\"}",
                "Authorization", OFFICER);
        assertEquals(201, corrected.status(), corrected.body());
        assertEquals(2, corrected.json().getInt("version"));

        assertEquals(v1, get(base, "/api/v1/cycles/" + id + "/report/versions/1").body(), "version 1 stays as it was");
        JsonObject latest = get(base, "/api/v1/cycles/" + id + "/report").json();
        assertEquals(2, latest.getInt("version"));
        assertEquals("The skate park lights are deferred, not rejected.", latest.getString("changeNote"));
        assertEquals(1, latest.getJsonArray("earlierVersions").getJsonObject(0).getInt("version"));
        assertEquals("DEFERRED", latest.getJsonArray("decisions").getJsonObject(1).getString("response"));
        String v2hash = get(base, "/api/v1/cycles/" + id + "/report/versions").array().getJsonObject(1)
                .getString("sha256");
        assertNotEquals(hash, v2hash);

        String audit = get(base, "/api/v1/audit/entries?max=1000").body();
        assertTrue(audit.contains("sha256=" + hash), "version 1's hash is in the audit chain");
        assertTrue(audit.contains("sha256=" + v2hash), "and the correction's");
        assertTrue(get(base, "/api/v1/audit/verify").json().getBoolean("valid"));

        String page = get(base, "/report.xhtml?cycle=" + id).body();
        assertTrue(page.contains("The skate park lights are deferred, not rejected."), "the change note is visible");
        assertTrue(page.contains(v2hash));
        assertTrue(get(base, "/cycle.xhtml?id=" + id).body().contains("the lights are deferred"),
                "the public cycle page shows the corrected summary");
        String old = get(base, "/report.xhtml?cycle=" + id + "&v=1").body();
        assertTrue(old.contains("newer-version"), "an old version says a newer one exists");
    }

    @Test
    void thePdfIsRenderedAndItsTextCarriesTheDecisions() throws Exception {
        long id = publishedCycle("PDF report");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                base.toString().replaceAll("/$", "") + "/api/v1/cycles/" + id + "/report/pdf?lang=en")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("You said, we did: PDF report"), text);
        assertTrue(text.contains("Zebra crossing on Mill Lane: Adopted"), text);
        assertTrue(text.contains("Skate park lights: Rejected"), text);
        assertTrue(text.contains("Lights would disturb the houses on Park Row."), text);
        assertTrue(text.contains("No before/after answers were recorded"), "honest when nothing was recorded");
    }

    @Test
    void theResponsesAreOpenDataAsCsv() throws Exception {
        long id = publishedCycle("CSV report");
        ItSupport.Reply csv = get(base, "/api/v1/cycles/" + id + "/report/responses.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\n");
        assertEquals(3, lines.length, csv.body());
        assertTrue(lines[0].startsWith("cycle_id,report_version,rank,source,option_code,title"));
        assertTrue(lines[1].startsWith(id + ",1,1,COUNT,,Zebra crossing on Mill Lane,6,5,3,false,ADOPTED,"), lines[1]);
        assertTrue(lines[1].contains(",NP-2026-09,12000,GBP,"), lines[1]);
        assertTrue(lines[2].contains(",REJECTED,Lights would disturb the houses on Park Row.,"), lines[2]);
        assertEquals(404, get(base, "/api/v1/cycles/" + cycleInDecide("No report yet", today().plusDays(9), "X")
                + "/report/responses.csv").status(), "nothing before publication");
    }

    @Test
    void participantsWhoOptedInGetAnEmailAndANotificationAndBadAddressesAreReportedToOfficers() throws Exception {
        assertEquals(200, put(base, "/api/v1/notifications/preferences", "{\"reportUpdates\":true}",
                "Authorization", RESIDENT).status());
        long id = cycleInDecide("Mail test", today().plusDays(30), "Benches on the green");
        long badAccount = newId();
        try (Connection c = ItSupport.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (id, username, display_name, email,"
                    + " password_hash, roles, created_at) VALUES (?, ?, 'Bad Address', 'not an address', 'x',"
                    + " 'RESIDENT', ?)")) {
                ps.setLong(1, badAccount);
                ps.setString(2, "bad" + badAccount);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_opt_in (id, opted_in_at) VALUES (?, ?)")) {
                ps.setLong(1, badAccount);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO voter_register (cycle_id, channel, account_id)"
                    + " SELECT ?, 'RESIDENTS', id FROM account WHERE username IN ('resident01', 'resident02', ?)")) {
                ps.setLong(1, id);
                ps.setString(2, "bad" + badAccount);
                ps.executeUpdate();
            }
        }
        long rec = recommendations(id).get(0).getJsonNumber("id").longValue();
        assertEquals(200, respond(id, rec, response("ADOPTED", false, "Funded."), OFFICER).status());
        advance(id, "DECIDE");
        assertEquals(201, publish(id).status());

        MimeMessage mail = null;
        long until = System.currentTimeMillis() + 30_000;
        while (mail == null && System.currentTimeMillis() < until) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().contains("Mail test")
                        && m.getRecipients(Message.RecipientType.TO)[0].toString().startsWith("resident01@")) {
                    mail = m;
                }
            }
            Thread.sleep(250);
        }
        assertTrue(mail != null, "the e-mail arrives at the SMTP server");
        assertEquals("The report on \"Mail test\" is published", mail.getSubject());
        String body = new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("/report.xhtml?cycle=" + id), body);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertFalse(m.getSubject().contains("Mail test")
                    && m.getRecipients(Message.RecipientType.TO)[0].toString().startsWith("resident02@"),
                    "someone who did not opt in gets no e-mail");
        }

        JsonObject notice = get(base, "/api/v1/notifications", "Authorization", RESIDENT).array()
                .getValuesAs(JsonObject.class).stream().filter(n -> n.getJsonNumber("cycleId").longValue() == id)
                .findFirst().orElseThrow();
        assertTrue(notice.getBoolean("unread"));

        boolean reported = false;
        until = System.currentTimeMillis() + 20_000;
        while (!reported && System.currentTimeMillis() < until) {
            reported = get(base, "/api/v1/feedback/deliveries", "Authorization", OFFICER).array()
                    .getValuesAs(JsonObject.class).stream().anyMatch(d -> d.getString("address").equals("not an address")
                            && d.getString("status").equals("UNDELIVERABLE") && d.getInt("attempts") == 1);
            Thread.sleep(250);
        }
        assertTrue(reported, "the undeliverable address is reported to officers after one attempt, not retried");
        assertEquals(403, get(base, "/api/v1/feedback/deliveries", "Authorization", RESIDENT).status());
        // The register rows were put straight into the database (no vote in this test): take them out again, or the
        // audit check (which holds every register row to an audit entry) would rightly report them.
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM voter_register WHERE cycle_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    @Test
    void aPassedPromiseWithoutAReportAlertsOfficersAndShowsOnThePublicPageUntilTheReportIsPublished()
            throws Exception {
        long id = cycleInDecide("Overdue promise", today().minusDays(2), "Bins on the high street");
        List<Long> overdue = get(base, "/api/v1/feedback/overdue", "Authorization", OFFICER).array()
                .getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("cycleId").longValue()).toList();
        assertTrue(overdue.contains(id), "officers see the alert");
        assertEquals(403, get(base, "/api/v1/feedback/overdue", "Authorization", RESIDENT).status());
        assertTrue(get(base, "/cycle.xhtml?id=" + id).body().contains("id=\"overdue\""), "the public page says so");
        JsonObject line = get(base, "/api/v1/feedback/dashboard", "Authorization", OFFICER).json()
                .getJsonArray("cycles").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("cycleId").longValue() == id).findFirst().orElseThrow();
        assertTrue(line.getBoolean("overdue"));
        assertEquals(0, line.getInt("answered"));

        long rec = recommendations(id).get(0).getJsonNumber("id").longValue();
        assertEquals(200, respond(id, rec, response("MODIFIED", false, "Half the bins this year."), OFFICER).status());
        advance(id, "DECIDE");
        assertEquals(201, publish(id).status());
        assertFalse(get(base, "/api/v1/feedback/overdue", "Authorization", OFFICER).body().contains("\"cycleId\":" + id),
                "published: no longer overdue");
        assertFalse(get(base, "/cycle.xhtml?id=" + id).body().contains("id=\"overdue\""));
        JsonObject after = get(base, "/api/v1/feedback/dashboard", "Authorization", OFFICER).json()
                .getJsonArray("cycles").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("cycleId").longValue() == id).findFirst().orElseThrow();
        assertFalse(after.getBoolean("kept"), "published after the promised date: the promise was not kept");
        assertEquals(2, after.getInt("daysToFeedback"), "from the vote (two days ago) to today");
        assertEquals(1, after.getInt("adoptedOrModified"));
    }

    @Test
    void theDemoReportShowsEveryKindOfResponseASignOffAndItsCorrection() throws Exception {
        long id = ItSupport.cycleTitled(base, "Greener streets 2026");
        JsonObject report = get(base, "/api/v1/cycles/" + id + "/report").json();
        assertEquals(2, report.getInt("version"));
        assertTrue(report.getString("changeNote").contains("£48,000"), report.getString("changeNote"));
        List<String> kinds = report.getJsonArray("decisions").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("response")).sorted().toList();
        assertEquals(List.of("ADOPTED", "DEFERRED", "MODIFIED", "REJECTED"), kinds);
        assertTrue(report.getJsonArray("decisions").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.containsKey("signoffMember") && !d.isNull("signoffMember")));
        assertFalse(report.getJsonObject("participation").getJsonArray("representation").isEmpty());
        String page = get(base, "/report.xhtml?cycle=" + id).body();
        assertTrue(page.contains("id=\"representation\"") && page.contains("id=\"decision-4\""), page);
        assertTrue(page.contains("/outcomes.xhtml?cycle=" + id + "#option-A"), "the trace leads on to the outcomes");
        assertTrue(get(base, "/report.xhtml?cycle=" + id, "Accept-Language", "es").body()
                .contains("Qué se decidió y por qué"), "the page in Spanish");
        assertEquals(200, get(base, "/api/v1/cycles/" + id + "/report/pdf").status());
        assertEquals(404, get(base, "/report.xhtml?cycle=" + id + "&v=9").status());
    }

    private static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
