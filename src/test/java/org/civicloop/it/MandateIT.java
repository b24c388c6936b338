package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The authorise rules: what a mandate needs before launch, and how a published mandate can still change. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MandateIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);

    private static String mandate(String title, String extra) {
        return "{\"title\":\"" + title + "\",\"currency\":\"GBP\",\"question\":\"What should the pot fund?\","
                + "\"purpose\":\"To let residents choose\",\"accountableOfficer\":\"Alex Officer\","
                + "\"budgetAmount\":20000,\"ladderLevel\":\"EMPOWER\",\"countingRule\":\"MES\","
                + "\"valueCells\":[\"OUR_WELLBEING\"],"
                + "\"feedbackPromiseDate\":\"" + LocalDate.now().plusDays(45) + "\","
                + "\"feedbackPromiseHow\":\"A report on the website\"" + extra + "}";
    }

    private long open(String title) throws Exception {
        ItSupport.Reply r = postJson(base, "/api/v1/cycles",
                "{\"council\":\"Test Council\",\"mandate\":" + mandate(title, "") + "}", "Authorization", OFFICER);
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private ItSupport.Reply launch(long id) throws Exception {
        return postJson(base, "/api/v1/cycles/" + id + "/advance", "{\"from\":\"AUTHORISE\"}", "Authorization", OFFICER);
    }

    private void add(long id, String what, String json) throws Exception {
        ItSupport.Reply r = postJson(base, "/api/v1/cycles/" + id + "/" + what, json, "Authorization", OFFICER);
        assertEquals(200, r.status(), r.body());
    }

    private static String detail(ItSupport.Reply r) {
        return r.json().getString("detail");
    }

    @Test
    void launchIsRefusedWhileNothingIsUpForGrabs() throws Exception {
        long id = open("Nothing open");
        add(id, "success-criteria", "{\"kind\":\"OUTCOME\",\"description\":\"Fewer people feel unsafe\"}");
        add(id, "decision-items", "{\"title\":\"The road maintenance budget\",\"status\":\"FIXED\","
                + "\"reason\":\"Set by statute\"}");
        ItSupport.Reply refused = launch(id);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(detail(refused).contains("OPEN decision item"), refused.body());

        ItSupport.Reply noReason = postJson(base, "/api/v1/cycles/" + id + "/decision-items",
                "{\"title\":\"Street lighting\",\"status\":\"FIXED\"}", "Authorization", OFFICER);
        assertEquals(400, noReason.status(), "a fixed item needs its reason: " + noReason.body());

        add(id, "decision-items", "{\"title\":\"Which safety schemes to fund\",\"status\":\"OPEN\"}");
        ItSupport.Reply launched = launch(id);
        assertEquals(200, launched.status(), launched.body());
        JsonObject published = get(base, "/api/v1/cycles/" + id).json();
        assertEquals("RECRUIT", published.getString("phase"));
        assertFalse(published.getJsonObject("mandate").isNull("publishedAt"));
        assertEquals(2, published.getJsonArray("decisionItems").size());
    }

    @Test
    void launchIsRefusedWithoutFeedbackPromiseOrAccountableOfficer() throws Exception {
        ItSupport.Reply r = postJson(base, "/api/v1/cycles", "{\"council\":\"Test Council\",\"mandate\":"
                + "{\"title\":\"No promise\",\"currency\":\"GBP\",\"question\":\"Q?\",\"purpose\":\"P\","
                + "\"budgetAmount\":1000,\"ladderLevel\":\"CONSULT\",\"countingRule\":\"GREEDY\"}}",
                "Authorization", OFFICER);
        long id = r.json().getJsonNumber("id").longValue();
        add(id, "decision-items", "{\"title\":\"Open item\",\"status\":\"OPEN\"}");
        add(id, "success-criteria", "{\"kind\":\"OUTCOME\",\"description\":\"An outcome\"}");
        ItSupport.Reply noOfficer = launch(id);
        assertEquals(409, noOfficer.status());
        assertTrue(detail(noOfficer).contains("accountable"), noOfficer.body());

        ItSupport.Reply edited = ItSupport.put(base, "/api/v1/cycles/" + id + "/mandate",
                "{\"title\":\"No promise\",\"currency\":\"GBP\",\"question\":\"Q?\",\"purpose\":\"P\","
                        + "\"accountableOfficer\":\"Alex Officer\",\"budgetAmount\":1000,\"ladderLevel\":\"CONSULT\","
                        + "\"countingRule\":\"GREEDY\"}", "Authorization", OFFICER);
        assertEquals(200, edited.status(), edited.body());
        ItSupport.Reply noPromise = launch(id);
        assertEquals(409, noPromise.status());
        assertTrue(detail(noPromise).contains("hear back"), noPromise.body());
        assertEquals(404, get(base, "/api/v1/cycles/" + id).status(), "still not public");
    }

    @Test
    void outputsOrSatisfactionOnlyNeedARecordedJustification() throws Exception {
        long id = open("Outputs only");
        add(id, "decision-items", "{\"title\":\"Which benches\",\"status\":\"OPEN\"}");
        add(id, "success-criteria", "{\"kind\":\"OUTPUT\",\"description\":\"20 benches installed\"}");
        add(id, "success-criteria", "{\"kind\":\"SATISFACTION\",\"description\":\"80% satisfied\"}");
        ItSupport.Reply refused = launch(id);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(detail(refused).contains("only outputs or satisfaction"), refused.body());

        add(id, "criteria-override", "{\"justification\":\"A pilot: outcomes are measured by the county survey\"}");
        ItSupport.Reply launched = launch(id);
        assertEquals(200, launched.status(), launched.body());
        assertEquals("A pilot: outcomes are measured by the county survey",
                get(base, "/api/v1/cycles/" + id).json().getJsonObject("mandate").getString("criteriaOverride"));
    }

    @Test
    void aPublishedMandateChangesOnlyByAmendmentWithAReason() throws Exception {
        long id = open("Amendable");
        add(id, "decision-items", "{\"title\":\"Which schemes\",\"status\":\"OPEN\"}");
        add(id, "success-criteria", "{\"kind\":\"OUTCOME\",\"description\":\"Outcome\"}");
        assertEquals(200, launch(id).status());
        int entriesBefore = get(base, "/api/v1/audit/verify").json().getInt("entries");

        ItSupport.Reply direct = ItSupport.put(base, "/api/v1/cycles/" + id + "/mandate",
                mandate("Amendable", ""), "Authorization", OFFICER);
        assertEquals(409, direct.status(), "published: no direct edits: " + direct.body());

        ItSupport.Reply noReason = postJson(base, "/api/v1/cycles/" + id + "/amendments",
                "{\"mandate\":" + mandate("Amendable", "").replace("20000", "25000") + ",\"reason\":\"\"}",
                "Authorization", OFFICER);
        assertEquals(400, noReason.status(), noReason.body());

        ItSupport.Reply nothing = postJson(base, "/api/v1/cycles/" + id + "/amendments",
                "{\"mandate\":" + mandate("Amendable", "") + ",\"reason\":\"No change\"}", "Authorization", OFFICER);
        assertEquals(400, nothing.status(), nothing.body());

        ItSupport.Reply amended = postJson(base, "/api/v1/cycles/" + id + "/amendments",
                "{\"mandate\":" + mandate("Amendable", "").replace("20000", "25000")
                        + ",\"reason\":\"Cabinet added 5,000 from the ward fund\"}", "Authorization", OFFICER);
        assertEquals(200, amended.status(), amended.body());
        JsonObject c = get(base, "/api/v1/cycles/" + id).json();
        assertEquals(25000, c.getJsonObject("mandate").getJsonNumber("budgetAmount").longValue());
        JsonObject a = c.getJsonArray("amendments").getJsonObject(0);
        assertEquals("budgetAmount", a.getString("field"));
        assertEquals("20000", a.getString("oldValue"));
        assertEquals("25000", a.getString("newValue"));
        assertEquals("Cabinet added 5,000 from the ward fund", a.getString("reason"));

        ItSupport.Reply item = postJson(base, "/api/v1/cycles/" + id + "/decision-items",
                "{\"title\":\"Late item\",\"status\":\"OPEN\"}", "Authorization", OFFICER);
        assertEquals(400, item.status(), "an item added after launch is an amendment and needs a reason");
        add(id, "decision-items", "{\"title\":\"Late item\",\"status\":\"OPEN\",\"amendmentReason\":\"Asked by residents\"}");
        assertEquals(2, get(base, "/api/v1/cycles/" + id).json().getJsonArray("amendments").size());

        JsonObject verify = get(base, "/api/v1/audit/verify").json();
        assertTrue(verify.getBoolean("valid"), verify.toString());
        assertTrue(verify.getInt("entries") >= entriesBefore + 4, "cycle change, amendment rows and the item are audited");
    }

    @Test
    void theCountingRuleIsFixedOnceVotingOpens() throws Exception {
        long voting = get(base, "/api/v1/cycles").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("phase").equals("VOTE")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        JsonObject m = get(base, "/api/v1/cycles/" + voting).json().getJsonObject("mandate");
        String body = "{\"title\":\"Youth spaces fund\",\"currency\":\"GBP\",\"question\":" + m.get("question")
                + ",\"purpose\":" + m.get("purpose") + ",\"accountableOfficer\":" + m.get("accountableOfficer")
                + ",\"decisionMaker\":" + m.get("decisionMaker") + ",\"partnerAgencies\":" + m.get("partnerAgencies")
                + ",\"budgetAmount\":" + m.get("budgetAmount") + ",\"ladderLevel\":" + m.get("ladderLevel")
                + ",\"valueCells\":" + m.get("valueCells") + ",\"countingRule\":\"MES\",\"residentBallot\":true"
                + ",\"staffHours\":" + m.get("staffHours") + ",\"skills\":" + m.get("skills")
                + ",\"engagementCost\":" + m.get("engagementCost") + ",\"feedbackPromiseDate\":"
                + m.get("feedbackPromiseDate") + ",\"feedbackPromiseHow\":" + m.get("feedbackPromiseHow")
                + ",\"feedbackChannel\":" + m.get("feedbackChannel") + "}";
        ItSupport.Reply r = postJson(base, "/api/v1/cycles/" + voting + "/amendments",
                "{\"mandate\":" + body + ",\"reason\":\"Try equal shares\"}", "Authorization", OFFICER);
        assertEquals(409, r.status(), r.body());
        assertTrue(detail(r).contains("counting rule"), r.body());
    }

    @Test
    void theEngagementRegisterListsLaunchedCycles() throws Exception {
        ItSupport.Reply page = get(base, "/engagement.xhtml");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Greener streets 2026"), "a launched demo cycle is in the register");
        assertTrue(page.body().contains("Empower"), "with its ladder level");
    }
}
