package org.civicloop.it;

import static org.civicloop.it.ItSupport.DEMO_PASSWORD;
import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
 * What became of a proposal after it became an option: the demo's completed cycle took two residents' ideas as
 * options B and D, and each proposal's page shows the vote (funded; or not, with the count's reason), the council's
 * published answer with its reasons and the delivery, while each proposer got a notice per step. A proposer who asked
 * for e-mail gets each notice at the test mail server, in their language, linking to the proposal (the council's
 * answer included, which reaches the proposal capability as a kernel event when the report is published); one who
 * did not ask gets none.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProposalFateIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", DEMO_PASSWORD);
    private static final String PASSWORD = "proposal-fate-password";
    private static GreenMail smtp;

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

    private static List<String> column(String sql, Object... params) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void update(String sql, Object... params) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
    }

    private JsonObject proposalTitled(long cycle, String title) throws Exception {
        return get(base, "/api/v1/cycles/" + cycle + "/proposals?size=100").array().getValuesAs(JsonObject.class)
                .stream().filter(p -> p.getString("title").equals(title)).findFirst().orElseThrow();
    }

    /** The first mail to {@code to} whose subject contains {@code subject}, waiting up to 30 s for it. */
    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        return awaitMail(to, subject, "");
    }

    /** The first e-mail to this address whose subject and body contain these (several notices share a subject). */
    private static MimeMessage awaitMail(String to, String subject, String saying) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().contains(subject) && m.getAllRecipients()[0].toString().equals(to)
                        && body(m).contains(saying)) {
                    return m;
                }
            }
            smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
        }
        return null;
    }

    private static String body(MimeMessage m) throws Exception {
        return new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theDemoIdeasThatBecameOptionsShowTheirFateAndTheirProposersWereTold() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Greener streets 2026");
        JsonObject trees = proposalTitled(cycle, "Street trees");
        JsonObject hangars = proposalTitled(cycle, "Cycle hangars");
        assertEquals("B", trees.getString("optionCode"));
        assertEquals("D", hangars.getString("optionCode"));
        long treesId = trees.getJsonNumber("id").longValue();
        long hangarsId = hangars.getJsonNumber("id").longValue();

        // Funded by the vote, adopted with changes by the council (with its reasons), being delivered.
        String treesPage = get(base, "/proposal.xhtml?id=" + treesId).body();
        assertTrue(treesPage.contains("the votes were counted: the vote recommends funding it."), treesPage);
        assertTrue(treesPage.contains("the council adopted it with changes."), treesPage);
        assertTrue(treesPage.contains("The council&#39;s reasons") || treesPage.contains("The council's reasons"),
                treesPage);
        assertTrue(treesPage.contains("On track, 55% done"), treesPage);
        // Not funded, and why, as the count explains it.
        String hangarsPage = get(base, "/proposal.xhtml?id=" + hangarsId).body();
        assertTrue(hangarsPage.contains("it was not funded within the budget"), hangarsPage);
        assertTrue(hangarsPage.contains("id=\"vote-why\""), "the count's reason is shown: " + hangarsPage);
        List<String> why = column("SELECT why_en FROM proposal_step WHERE proposal_id = ? AND step = 'VOTE'",
                hangarsId);
        List<String> porQue = column("SELECT why_es FROM proposal_step WHERE proposal_id = ? AND step = 'VOTE'",
                hangarsId);
        assertEquals(1, why.size());
        assertNotNull(why.get(0));
        assertNotNull(porQue.get(0));
        assertNotEquals(why.get(0), porQue.get(0), "the reason exists in English and in Spanish");
        assertTrue(hangarsPage.contains(why.get(0).replace("'", "&#39;")) || hangarsPage.contains(why.get(0)));

        // Each proposer was told at each step; each step is in the audit log.
        assertEquals(List.of("SELECTED", "VOTE_FUNDED", "DECISION_TAKEN", "DELIVERY"), column("SELECT kind FROM"
                + " proposal_notice WHERE proposal_id = ? AND recipient = 'resident04' AND kind <> 'FEASIBLE'"
                + " ORDER BY created_at, id", treesId));
        assertTrue(column("SELECT kind FROM proposal_notice WHERE proposal_id = ? AND recipient = 'resident09'",
                hangarsId).contains("VOTE_NOT_FUNDED"));
        assertEquals(List.of("proposal=" + treesId + " step=VOTE state=FUNDED",
                        "proposal=" + treesId + " step=DECISION state=MODIFIED",
                        "proposal=" + treesId + " step=DELIVERY state=ON_TRACK"),
                column("SELECT detail FROM audit_entry WHERE action = 'proposal.stepReached' AND detail LIKE ?"
                        + " ORDER BY seq", "proposal=" + treesId + " %"));
    }

    @Test
    void aProposerWhoAskedIsEmailedEachStepAndOneWhoDidNotIsNot() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Proposal mail " + System.nanoTime(),
                "Which ideas should we fund?", "Ideas first.", 30_000, "Which ideas are funded",
                "Ideas delivered within a year");
        String proposals = "/api/v1/cycles/" + cycle + "/proposals";
        assertEquals(200, put(base, proposals + "/settings", "{\"accepting\":true,\"districts\":\"Old Town\"}",
                "Authorization", OFFICER).status());
        String asked = ItSupport.registerResident(base, "pma", PASSWORD, "example.org");
        String quiet = ItSupport.registerResident(base, "pmq", PASSWORD, "example.org");
        String askedMail = asked + "@example.org";
        String quietMail = quiet + "@example.org";

        ItSupport.Reply mine = postJson(base, proposals, "{\"title\":\"A drinking fountain\",\"description\":"
                + "\"By the playground\",\"district\":\"Old Town\",\"roughCost\":4000,\"emailUpdates\":true}",
                "Authorization", basic(asked, PASSWORD));
        assertEquals(201, mine.status(), mine.body());
        long fountain = mine.json().getJsonNumber("id").longValue();
        ItSupport.Reply theirs = postJson(base, proposals, "{\"title\":\"A bike pump\",\"description\":"
                + "\"At the station\",\"district\":\"Old Town\",\"roughCost\":900}", "Authorization",
                basic(quiet, PASSWORD));
        assertEquals(201, theirs.status(), theirs.body());
        long pump = theirs.json().getJsonNumber("id").longValue();
        assertEquals(List.of(String.valueOf(fountain)), column("SELECT id FROM proposal_mail_opt_in WHERE id IN (?, ?)",
                fountain, pump), "only the proposer who asked is opted in");
        assertEquals(1, column("SELECT seq FROM audit_entry WHERE action = 'proposal.mailOptedIn' AND detail = ?",
                "proposal=" + fountain).size(), "the choice is audited");

        for (long p : List.of(fountain, pump)) {
            assertEquals(200, postJson(base, proposals + "/" + p + "/assessment", "{\"feasible\":true,\"estimate\":"
                    + "5000,\"service\":\"Parks and open spaces\"}", "Authorization", OFFICER).status());
        }
        MimeMessage assessed = awaitMail(askedMail, "Your proposal " + fountain + ": A drinking fountain");
        assertNotNull(assessed, "the assessment notice arrives by e-mail");
        String text = body(assessed);
        assertTrue(text.contains("Your proposal " + fountain + " was assessed as feasible."), text);
        assertTrue(text.contains("/proposal.xhtml?id=" + fountain), "links to the proposal: " + text);
        assertTrue(text.contains("because you asked for it"), text);

        // The council's answer: a cycle in DECIDE whose option came from a proposal of the same proposer (made
        // here in the database, as the vote itself is not what this test is about), answered and published.
        long decided = newId();
        long option = newId();
        long proposal = newId();
        Timestamp earlier = Timestamp.from(Instant.now().minusSeconds(86_400 * 5));
        update("INSERT INTO cycle (id, council, title, question, currency, phase, published, demo, created_at,"
                + " created_by, version, feedback_promise_date, feedback_promise_how, mandate_published_at,"
                + " budget_amount, decision_maker) VALUES (?, 'IT Council', ?, 'What should we fund?', 'GBP',"
                + " 'DECIDE', TRUE, FALSE, ?, 'officer', 0, ?, 'A report on this site', ?, 50000, 'Cabinet')",
                decided, "Fountains " + decided, earlier, Date.valueOf(LocalDate.now().plusDays(30)), earlier);
        update("INSERT INTO budget_option (id, cycle_id, code, title, description, cost, created_at)"
                + " VALUES (?, ?, 'F1', 'Another fountain', 'By the river', 5000, ?)", option, decided, earlier);
        update("INSERT INTO proposal (id, cycle_id, title, description, district, rough_cost, author, salt, status,"
                + " estimate, service, option_code, created_at) VALUES (?, ?, 'Another fountain', 'By the river',"
                + " 'Old Town', 4000, ?, '00', 'SELECTED', 5000, 'Parks', 'F1', ?)", proposal, decided, asked,
                earlier);
        update("INSERT INTO proposal_mail_opt_in (id, created_at) VALUES (?, ?)", proposal, earlier);
        update("INSERT INTO recommendation (id, cycle_id, rank_position, option_id, option_code, title, support,"
                + " source, jury_ballots, ranked_by, first_choices) VALUES (?, ?, 1, ?, 'F1', 'Another fountain',"
                + " 'Ranked by 5 of 6 jurors', 'COUNT', 6, 5, 3)", newId(), decided, option);
        long rec = get(base, "/api/v1/cycles/" + decided + "/recommendations", "Authorization", OFFICER).array()
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, put(base, "/api/v1/cycles/" + decided + "/recommendations/" + rec + "/response",
                "{\"response\":\"ADOPTED\",\"rationale\":\"Children asked for it at every school.\",\"tradeOff\":"
                        + "\"A bench waits a year.\",\"budgetLine\":\"NP-2027-01\",\"amountCommitted\":5000,"
                        + "\"whoLoses\":\"Nobody much.\",\"offered\":\"Nothing needed.\",\"decisionMaker\":\"Cabinet\","
                        + "\"politicalDecision\":false}", "Authorization", OFFICER).status());
        assertTrue(column("SELECT kind FROM proposal_notice WHERE proposal_id = ?", proposal).isEmpty(),
                "nothing is told before the council publishes its answer");
        ItSupport.Reply advanced = postJson(base, "/api/v1/cycles/" + decided + "/advance", "{\"from\":\"DECIDE\"}",
                "Authorization", OFFICER);
        assertEquals(200, advanced.status(), advanced.body());
        ItSupport.Reply published = postJson(base, "/api/v1/cycles/" + decided + "/report", "{\"summary\":"
                + "\"Fountains for all.\",\"nextSteps\":\"Works in May.\",\"nextDate\":\"2030-05-01\"}",
                "Authorization", OFFICER);
        assertEquals(201, published.status(), published.body());
        assertEquals(List.of("DECISION_TAKEN"), column("SELECT kind FROM proposal_notice WHERE proposal_id = ?",
                proposal));
        MimeMessage answer = awaitMail(askedMail, "Your proposal " + proposal + ": Another fountain");
        assertNotNull(answer, "the council's answer arrives by e-mail");
        assertTrue(body(answer).contains("The council published its answer: it takes up your proposal " + proposal),
                body(answer));
        String page = get(base, "/proposal.xhtml?id=" + proposal).body();
        assertTrue(page.contains("the council adopted it.") && page.contains("Children asked for it at every school."),
                page);

        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertFalse(m.getAllRecipients()[0].toString().equals(quietMail),
                    "the proposer who did not ask gets no e-mail: " + m.getSubject());
        }
    }

    @Test
    void mergedAuthorsAreToldTheirMailChoiceCanChangeAndFailedNoticesReachTheOfficers() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Proposal merge mail " + System.nanoTime(),
                "Which ideas should we fund?", "Ideas first.", 30_000, "Which ideas are funded",
                "Ideas delivered within a year");
        String proposals = "/api/v1/cycles/" + cycle + "/proposals";
        assertEquals(200, put(base, proposals + "/settings", "{\"accepting\":true,\"districts\":\"Old Town\"}",
                "Authorization", OFFICER).status());
        String first = ItSupport.registerResident(base, "pmf", PASSWORD, "example.org");
        String second = ItSupport.registerResident(base, "pms", PASSWORD, "example.org");
        String gone = ItSupport.registerResident(base, "pmg", PASSWORD, "example.org");
        ItSupport.Reply r = postJson(base, proposals, "{\"title\":\"Benches on the green\",\"description\":"
                + "\"Six benches\",\"district\":\"Old Town\",\"roughCost\":3000}", "Authorization",
                basic(first, PASSWORD));
        assertEquals(201, r.status(), r.body());
        long benches = r.json().getJsonNumber("id").longValue();
        r = postJson(base, proposals, "{\"title\":\"Seats on the green\",\"description\":\"Somewhere to sit\","
                + "\"district\":\"Old Town\",\"roughCost\":2500,\"emailUpdates\":true}", "Authorization",
                basic(second, PASSWORD));
        assertEquals(201, r.status(), r.body());
        long seats = r.json().getJsonNumber("id").longValue();
        r = postJson(base, proposals, "{\"title\":\"Picnic tables\",\"description\":\"On the green\","
                + "\"district\":\"Old Town\",\"roughCost\":2000,\"emailUpdates\":true}", "Authorization",
                basic(gone, PASSWORD));
        assertEquals(201, r.status(), r.body());
        long tables = r.json().getJsonNumber("id").longValue();

        // the author changes their e-mail choice after proposing; nobody else sees or changes it
        String mail = proposals + "/" + benches + "/mail";
        assertFalse(get(base, mail, "Authorization", basic(first, PASSWORD)).json().getBoolean("emailUpdates"));
        assertEquals(403, get(base, mail, "Authorization", basic(second, PASSWORD)).status());
        ItSupport.Reply notYours = put(base, mail, "{\"emailUpdates\":true}", "Authorization", OFFICER);
        assertEquals(403, notYours.status(), notYours.body());
        assertTrue(column("SELECT id FROM proposal_mail_opt_in WHERE id = ?", benches).isEmpty(), "nothing changed");
        ItSupport.Reply on = put(base, mail, "{\"emailUpdates\":true}", "Authorization", basic(first, PASSWORD));
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().getBoolean("emailUpdates"));
        assertEquals(List.of(String.valueOf(benches)), column("SELECT id FROM proposal_mail_opt_in WHERE id = ?",
                benches));
        assertEquals(1, column("SELECT seq FROM audit_entry WHERE action = 'proposal.mailOptedIn' AND detail = ?",
                "proposal=" + benches).size(), "the new choice is audited");
        ItSupport.Reply off = put(base, proposals + "/" + seats + "/mail", "{\"emailUpdates\":false}",
                "Authorization", basic(second, PASSWORD));
        assertEquals(200, off.status(), off.body());
        assertTrue(column("SELECT id FROM proposal_mail_opt_in WHERE id = ?", seats).isEmpty());
        assertEquals(1, column("SELECT seq FROM audit_entry WHERE action = 'proposal.mailOptedOut' AND detail = ?",
                "proposal=" + seats).size(), "opting out is audited");

        // a notice to an address that cannot be delivered is shown to the officers with the report e-mails; the
        // address is spoilt in the database (an audited row) and put back at the end, so that the audit chain's
        // full check still finds every row as recorded for the tests after this one
        String address = column("SELECT email FROM account WHERE username = ?", gone).get(0);
        update("UPDATE account SET email = 'no address here' WHERE username = ?", gone);
        try {
            mergedAuthorsAreToldAndTheFailedNoticeIsListed(proposals, tables, benches, seats, first, second, gone);
        } finally {
            update("UPDATE account SET email = ? WHERE username = ?", address, gone);
        }
    }

    private void mergedAuthorsAreToldAndTheFailedNoticeIsListed(String proposals, long tables, long benches,
            long seats, String first, String second, String gone) throws Exception {

        // merging: the merged proposals' authors are told in the app, and by e-mail when they asked
        assertEquals(200, postJson(base, proposals + "/" + tables + "/merge", "{\"into\":" + benches + "}",
                "Authorization", OFFICER).status());
        assertEquals(200, postJson(base, proposals + "/" + benches + "/merge", "{\"into\":" + seats + "}",
                "Authorization", OFFICER).status());
        assertEquals(List.of("MERGED_IN", "MERGED"), column("SELECT kind FROM proposal_notice WHERE proposal_id = ?"
                + " ORDER BY id", benches), "told of the picnic tables merged in, then of its own merge");
        assertEquals(List.of("MERGED", "MERGED"), column("SELECT kind FROM proposal_notice WHERE proposal_id = ?"
                + " ORDER BY id", tables), "told again when the proposal it joined is merged on");
        assertEquals(List.of("MERGED_IN"), column("SELECT kind FROM proposal_notice WHERE proposal_id = ?", seats));
        MimeMessage merged = awaitMail(first + "@example.org", "Your proposal " + benches + ": Benches on the green",
                "was merged with a similar one");
        assertNotNull(merged, "the merged proposal's author, who opted in after proposing, is e-mailed");
        assertTrue(body(merged).contains("Your proposal " + benches + " was merged with a similar one"), body(merged));
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertFalse(m.getAllRecipients()[0].toString().equals(second + "@example.org"),
                    "the author who opted out gets no e-mail: " + m.getSubject());
        }
        JsonObject problem = null;
        long until = System.currentTimeMillis() + 30_000;
        while (problem == null && System.currentTimeMillis() < until) {
            problem = get(base, "/api/v1/feedback/deliveries", "Authorization", OFFICER).array()
                    .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("username").equals(gone))
                    .findFirst().orElse(null);
            if (problem == null) {
                Thread.sleep(250);
            }
        }
        assertNotNull(problem, "the failed notice is listed for the officers");
        assertEquals("UNDELIVERABLE", problem.getString("status"));
        assertEquals("Your proposal " + tables + ": Picnic tables", problem.getString("subject"));
        assertEquals("/proposal.xhtml?id=" + tables, problem.getString("link"));
    }
}
