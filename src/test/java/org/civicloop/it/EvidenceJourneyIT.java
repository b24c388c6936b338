package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evidence journey in real browsers: an officer writes the pack and submits it, a second officer rejects it
 * for balance with reasons, the author adds the missing counter-argument and resubmits, the reviewer publishes it,
 * a juror reads it on a phone and asks the witness a question, the facilitator records the answer, and the
 * answer appears in the juror's reading view.
 */
@Tag("browser")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvidenceJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);

    private long launchedCycle(String title) throws Exception {
        String mandate = "{\"title\":\"" + title + "\",\"currency\":\"GBP\",\"question\":\"Which bus stops get"
                + " shelters?\",\"purpose\":\"Residents asked for shelter from the rain\",\"accountableOfficer\":"
                + "\"Alex Officer\",\"budgetAmount\":30000,\"ladderLevel\":\"EMPOWER\",\"countingRule\":\"GREEDY\","
                + "\"valueCells\":[\"OUR_WELLBEING\"],\"feedbackPromiseDate\":\"" + LocalDate.now().plusDays(45)
                + "\",\"feedbackPromiseHow\":\"A report on the website\"}";
        ItSupport.Reply r = postJson(base, "/api/v1/cycles", "{\"council\":\"Test Council\",\"mandate\":" + mandate
                + "}", "Authorization", OFFICER);
        assertEquals(201, r.status(), r.body());
        long id = r.json().getJsonNumber("id").longValue();
        assertEquals(200, postJson(base, "/api/v1/cycles/" + id + "/decision-items", "{\"title\":\"Which stops"
                + " get shelters\",\"status\":\"OPEN\"}", "Authorization", OFFICER).status());
        assertEquals(200, postJson(base, "/api/v1/cycles/" + id + "/success-criteria", "{\"kind\":\"OUTCOME\","
                + "\"description\":\"More people wait at the stops in winter\"}", "Authorization", OFFICER).status());
        assertEquals(200, postJson(base, "/api/v1/cycles/" + id + "/advance", "{\"from\":\"AUTHORISE\"}",
                "Authorization", OFFICER).status());
        return id;
    }

    private static void signIn(Browser b, String user) {
        b.open("/login.xhtml");
        b.type("#login\\:username", user);
        b.type("#login\\:password", ItSupport.DEMO_PASSWORD);
        b.clickAndWait("#login\\:submit");
    }

    private static void addItem(Browser b, String kind, String perspective, String title, String summary) {
        b.select("#item\\:kind", kind);
        b.select("#item\\:perspective", perspective);
        b.type("#item\\:title", title);
        b.type("#item\\:summary", summary);
        b.type("#item\\:source", "Bus operator survey 2025");
        b.type("#item\\:author", "Transport team");
        b.clickAndWait("#item\\:save");
        assertTrue(b.text("#messages").contains("Saved as version 1"), b.pageText());
    }

    @Test
    void authorReviewerRejectsFixPublishJurorAsksAnswerAppears() throws Exception {
        long id = launchedCycle("Bus shelters " + System.currentTimeMillis());
        String workspace = "/officer/evidence.xhtml?id=" + id;
        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP);
             Browser reviewer = new Browser(base.toString(), Browser.DESKTOP);
             Browser juror = new Browser(base.toString(), Browser.PHONE);
             Browser facilitator = new Browser(base.toString(), Browser.DESKTOP)) {
            signIn(officer, "officer");
            officer.open(workspace);
            addItem(officer, "EXPERT_WITNESS", "FOR", "Shelters double winter bus use",
                    "Stops with shelters see twice as many passengers in winter.");
            addItem(officer, "LIVED_EXPERIENCE_WITNESS", "LIVED_EXPERIENCE", "Waiting in the rain with a pram",
                    "\"Twenty minutes in the rain with my baby, nowhere to sit.\"");
            officer.type("#submitForm\\:submitNote", "First pack");
            officer.clickAndWait("#submitForm\\:submit");
            assertTrue(officer.text("#messages").contains("Submitted for balance review"), officer.pageText());
            // The author cannot sign off their own pack.
            officer.clickAndWait("#approveForm\\:approve");
            assertTrue(officer.text("#messages").contains("A second officer must review"), officer.pageText());
            officer.screenshot("evidence-officer-in-review-desktop");

            signIn(reviewer, "reviewer");
            reviewer.open(workspace);
            assertTrue(reviewer.text("#review").contains("Shelters double winter bus use"), reviewer.pageText());
            reviewer.type("#rejectForm\\:rejectReason", "Nobody speaks against: add the case against shelters.");
            reviewer.clickAndWait("#rejectForm\\:reject");
            assertTrue(reviewer.text("#messages").contains("Pack rejected"), reviewer.pageText());
            reviewer.screenshot("evidence-reviewer-rejected-desktop");

            officer.open(workspace);
            assertTrue(officer.text("#rejected").contains("Nobody speaks against"), officer.pageText());
            addItem(officer, "COUNTER_ARGUMENT", "AGAINST", "Shelters narrow the pavement",
                    "Wheelchair users need 1.5 m of clear pavement; some stops are too narrow.");
            officer.clickAndWait("#submitForm\\:submit");
            assertTrue(officer.text("#messages").contains("Submitted for balance review"), officer.pageText());

            reviewer.open(workspace);
            reviewer.clickAndWait("#approveForm\\:approve");
            assertTrue(reviewer.text("#messages").contains("the pack is published"), reviewer.pageText());

            signIn(juror, "juror");
            juror.open("/evidence.xhtml?id=" + id);
            assertTrue(juror.text("#pack-meta").contains("Pack version 2"), juror.pageText());
            assertTrue(juror.pageText().contains("Shelters narrow the pavement"), juror.pageText());
            juror.clickAndWait(".mark-read");
            assertTrue(juror.text("#reading-progress").contains("You have read 1 of 3 items"), juror.pageText());
            juror.find("details.ask summary").click();
            juror.type(".question-text", "How many stops are too narrow for a shelter?");
            juror.clickAndWait(".ask-send");
            assertTrue(juror.text("#messages").contains("Question sent"), juror.pageText());
            assertTrue(juror.text("#my-questions").contains("Waiting for moderation"), juror.pageText());
            juror.screenshot("evidence-juror-asked-phone");

            signIn(facilitator, "facilitator");
            facilitator.open("/facilitator/evidence.xhtml?id=" + id);
            assertTrue(facilitator.text(".queued-question").contains("How many stops are too narrow"),
                    facilitator.pageText());
            facilitator.type(".answer-text", "Seven of the 40 stops; they would get a narrow cantilever shelter.");
            facilitator.type(".witness-name", "Jo Bloggs, Transport Planner");
            facilitator.clickAndWait(".answer-save");
            assertTrue(facilitator.text("#messages").contains("Answer recorded"), facilitator.pageText());
            assertTrue(facilitator.text("#queue-empty").contains("No questions are waiting"), facilitator.pageText());
            facilitator.screenshot("evidence-facilitator-answered-desktop");

            juror.open("/evidence.xhtml?id=" + id);
            assertTrue(juror.text(".answered-question").contains("Seven of the 40 stops"), juror.pageText());
            assertTrue(juror.text("#my-questions").contains("Answered"), juror.pageText());
            juror.open("/evidence.xhtml?id=" + id + "&q=pavement");
            assertTrue(juror.text("#search-count").contains("One item matches"), juror.pageText());
            assertTrue(juror.pageText().contains("Shelters narrow the pavement"), juror.pageText());
            juror.open("/evidence.xhtml?id=" + id + "&q=cantilever");
            assertTrue(juror.text("#search-count").contains("One item matches"), "found through its answer");
            assertTrue(juror.pageText().contains("Shelters double winter bus use"), juror.pageText());
            juror.screenshot("evidence-juror-answer-phone");
        }
    }
}
