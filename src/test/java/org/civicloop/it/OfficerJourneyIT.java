package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The whole officer journey in a real browser, on one new cycle: an officer signs in, opens a cycle, is refused launch
 * while the mandate lacks its purpose and while nothing is up for grabs, fixes both and launches (an anonymous
 * visitor then reads the public cycle page on a phone: what is open, what is fixed and why, how much influence
 * residents have, who is accountable); draws the jury by committed seed; writes the evidence pack, which a second
 * officer ("reviewer") signs off for balance; adds the costed options; closes the vote; answers each
 * recommendation; publishes "you said, we did"; sets the outcome objective and its indicators and enters the first
 * reading; closes the cycle and deletes the jury's personal data at once (the report, the draw and pool.csv stay as
 * published). Residents' own steps (volunteering, one with a letter's code, a juror's ballot) and a small letter round
 * are the only preconditions made outside it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class OfficerJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static void addEvidence(Browser b, String kind, String perspective, String title, String summary) {
        b.select("#item\\:kind", kind);
        b.select("#item\\:perspective", perspective);
        b.type("#item\\:title", title);
        b.type("#item\\:summary", summary);
        b.type("#item\\:source", "Parks survey 2026");
        b.type("#item\\:author", "Parks team");
        b.clickAndWait("#item\\:save");
        assertTrue(b.text("#messages").contains("Saved as version 1"), b.pageText());
    }

    private static void addOption(Browser b, String code, String title, String cost) {
        b.type("#option\\:ocode", code);
        b.type("#option\\:otitle", title);
        b.type("#option\\:ocost", cost);
        b.type("#option\\:odesc", title + ", installed by the parks team.");
        b.clickAndWait("#option\\:addOption");
        assertTrue(b.text("#h-options").length() > 0 && b.pageText().contains(title), b.text("#messages"));
    }

    /** Rows of this cycle that still hold personal data: volunteers' data, account links, the letters' addresses. */
    private static long personalRows(long cycle) throws Exception {
        String[] queries = {
            "SELECT COUNT(*) FROM volunteer_personal WHERE cycle_id = ? AND (address IS NOT NULL OR source_row IS NOT"
                + " NULL OR external_id IS NOT NULL)",
            "SELECT COUNT(*) FROM volunteer WHERE cycle_id = ? AND account_id IS NOT NULL",
            "SELECT COUNT(*) FROM jury_letter_address WHERE cycle_id = ? AND (source_row IS NOT NULL OR code IS NOT"
                + " NULL OR external_id IS NOT NULL OR household_key IS NOT NULL)"};
        long n = 0;
        try (java.sql.Connection c = ItSupport.connect()) {
            for (String q : queries) {
                try (var ps = c.prepareStatement(q)) {
                    ps.setLong(1, cycle);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
        }
        return n;
    }

    /**
     * People the cycle's live participation count finds only through what retention deletes: volunteers known by
     * their account link alone (not in the voter register) and people imported into the pool.
     */
    private static long countedThroughPersonalData(long cycle) throws Exception {
        try (java.sql.Connection c = ItSupport.connect();
             var ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM volunteer v WHERE v.cycle_id = ?"
                     + " AND v.account_id IS NOT NULL AND v.account_id NOT IN (SELECT r.account_id FROM voter_register r"
                     + " WHERE r.cycle_id = ?)) + (SELECT COUNT(*) FROM volunteer v JOIN volunteer_personal p"
                     + " ON p.volunteer_id = v.id WHERE v.cycle_id = ? AND v.account_id IS NULL"
                     + " AND p.source_row IS NOT NULL)")) {
            for (int i = 1; i <= 3; i++) {
                ps.setLong(i, cycle);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void moveOn(Browser officer, String expectedPhase) {
        officer.clickAndWait("#advance\\:next");
        assertEquals(expectedPhase, officer.text("#current-phase"), officer.text("#messages"));
    }

    @Test
    void anOfficerOpensACycleAdvancesItAndThePublicSeesIt() throws Exception {
        String title = "Park benches " + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP)) {
            officer.open("/login.xhtml");
            officer.type("#login\\:username", "officer");
            officer.type("#login\\:password", ItSupport.DEMO_PASSWORD);
            officer.clickAndWait("#login\\:submit");
            assertTrue(officer.pageText().contains("officer"), "signed in");

            officer.open("/officer/cycles.xhtml");
            officer.type("#newCycle\\:title", title);
            officer.type("#newCycle\\:question", "Where should new park benches go?");
            officer.type("#newCycle\\:budget", "9000");
            officer.clickAndWait("#newCycle\\:open");
            assertEquals(title, officer.text("#cycle-title"));
            assertEquals("Authorise", officer.text("#current-phase"));
            // The mandate is not complete: the page says what is missing, and moving on is refused.
            assertTrue(officer.text("#blocker").contains("Say what this cycle is for"), officer.text("#blocker"));
            officer.clickAndWait("#advance\\:next");
            assertTrue(officer.text("#messages").contains("Say what this cycle is for"), officer.pageText());
            assertEquals("Authorise", officer.text("#current-phase"));
            officer.screenshot("officer-mandate-refused-desktop");

            officer.type("#mandate\\:purpose", "Older residents asked for places to rest on the way to the shops.");
            officer.type("#mandate\\:accountable", "Pat Lee, Parks Manager");
            officer.setValue("#mandate\\:promiseDate", LocalDate.now().plusDays(60).toString());
            officer.type("#mandate\\:promiseHow", "A report on this site and at the library.");
            officer.select("#mandate\\:ladder", "EMPOWER");
            officer.select("#mandate\\:rule", "GREEDY");
            officer.clickAndWait("#mandate\\:save");
            assertTrue(officer.text("#messages").contains("Mandate saved"), officer.pageText());
            // Still nothing up for grabs: launch is refused with the reason.
            assertTrue(officer.text("#blocker").contains("Nothing is up for grabs"), officer.text("#blocker"));
            officer.clickAndWait("#advance\\:next");
            assertTrue(officer.text("#messages").contains("Nothing is up for grabs"), officer.pageText());

            officer.type("#item\\:ititle", "Where the new benches go");
            officer.clickAndWait("#item\\:addItem");
            officer.type("#item\\:ititle", "The parks maintenance contract");
            officer.select("#item\\:istatus", "FIXED");
            officer.type("#item\\:ireason", "Let until 2028 after a tender.");
            officer.clickAndWait("#item\\:addItem");
            officer.select("#criterion\\:kind", "OUTCOME");
            officer.type("#criterion\\:cdesc", "Older residents walk to the shops more often");
            officer.clickAndWait("#criterion\\:addCriterion");
            officer.clickAndWait("#advance\\:next");
            assertEquals("Recruit the jury", officer.text("#current-phase"));
            officer.screenshot("officer-cycle-launched-desktop");
            officer.screenshotsInBothLanguages("officer-01-launched", null);
        }
        try (Browser resident = new Browser(base.toString(), Browser.PHONE)) {
            resident.open("/");
            assertTrue(resident.pageText().contains(title), "listed on the home page");
            resident.driver().findElement(org.openqa.selenium.By.linkText(title)).click();
            assertEquals("Recruit the jury", resident.text("#current-phase"));
            assertEquals("Pat Lee, Parks Manager", resident.text("#accountable"));
            assertTrue(resident.text("#open-items").contains("Where the new benches go"));
            assertTrue(resident.text("#fixed-items").contains("Let until 2028 after a tender."));
            assertTrue(resident.text("#up-for-grabs").contains("You decide"), "the ladder level, explained");
            resident.screenshot("public-cycle-phone");
        }
        long id = ItSupport.cycleTitled(base, title);
        String workspace = "/officer/cycle.xhtml?id=" + id;

        // Precondition, not the officer's journey (LetterRoundJourneyIT walks it): a small letter round, through the API.
        String officerAuth = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        String cy = "/api/v1/cycles/" + id + "/jury";
        assertEquals(200, ItSupport.post(base, cy + "/letters/addresses?idColumn=ref&addressColumns=line1,postcode",
                "text/csv", "ref,line1,postcode\nB1,1 Bench Row,RV5 1BB\nB2,2 Bench Row,RV5 2BB\nB3,3 Bench Row,RV5 3BB\n",
                "Authorization", officerAuth).status());
        assertEquals(201, ItSupport.postJson(base, cy + "/letters/commitment",
                "{\"letters\":2,\"byArea\":false,\"seed\":\"bench-letters\"}", "Authorization", officerAuth).status());
        assertEquals(200, ItSupport.post(base, cy + "/letters/draw", "application/json", "", "Authorization",
                officerAuth).status());
        String code = org.civicloop.kernel.Csv.read(new java.io.StringReader(ItSupport.get(base, cy + "/letters.csv",
                "Authorization", officerAuth).body())).get(1).get(3);

        // Precondition, not the officer's journey: three residents volunteer, each in their own browser (the third
        // with the code of a letter).
        List<String> volunteers = List.of("resident01", "resident02", "resident03");
        for (String r : volunteers) {
            try (Browser resident = new Browser(base.toString(), Browser.PHONE)) {
                resident.signIn(r, ItSupport.DEMO_PASSWORD);
                resident.open("/cycle.xhtml?id=" + id);
                if (r.equals("resident03")) {
                    resident.type("#volunteer\\:code", code);
                }
                resident.find("#volunteer\\:consent").click();
                resident.clickAndWait("#volunteer\\:submit");
                assertTrue(resident.text("#volunteered").length() > 0, resident.pageText());
            }
        }

        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP);
             Browser reviewer = new Browser(base.toString(), Browser.DESKTOP)) {
            officer.signIn("officer", ItSupport.DEMO_PASSWORD);

            // The jury: the seed is committed before the draw, and published with it.
            officer.open(workspace);
            officer.type("#commit\\:size", "3");
            officer.type("#commit\\:seed", "benches-" + System.nanoTime());
            officer.clickAndWait("#commit\\:commitDraw");
            assertTrue(officer.text("#commitment").matches("[0-9a-f]{64}"), officer.pageText());
            officer.clickAndWait("#draw\\:drawJury");
            assertTrue(officer.text("#messages").contains("The jury has been drawn"), officer.pageText());
            Object box = ((org.openqa.selenium.JavascriptExecutor) officer.driver()).executeScript(
                    "var e = document.getElementById('draw-info'); return e ? e.outerHTML : document.body.innerHTML;");
            assertTrue(String.valueOf(box).contains(">benches-"), "the seed is published with the draw: " + box);
            assertTrue(officer.pageText().contains("resident01"), "the invited jurors are listed");
            officer.screenshots("officer-02-jury-drawn", "#h-jury");
            moveOn(officer, "Learn");

            // The evidence pack, balanced, signed off by a second officer.
            officer.clickAndWait("#evidenceWorkspaceLink");
            addEvidence(officer, "EXPERT_WITNESS", "FOR", "Benches help older people walk further",
                    "People over 75 walk twice as far when there is a bench every 100 m.");
            addEvidence(officer, "COUNTER_ARGUMENT", "AGAINST", "Benches can draw late-night noise",
                    "Two residents' groups report noise near benches on Mill Road after midnight.");
            officer.clickAndWait("#submitForm\\:submit");
            assertTrue(officer.text("#messages").contains("Submitted for balance review"), officer.pageText());
            officer.screenshots("officer-03-evidence-in-review");
            reviewer.signIn("reviewer", ItSupport.DEMO_PASSWORD);
            reviewer.open("/officer/evidence.xhtml?id=" + id);
            reviewer.clickAndWait("#approveForm\\:approve");
            assertTrue(reviewer.text("#messages").contains("the pack is published"), reviewer.pageText());

            // The costed options, then on through deliberation to the vote.
            officer.open(workspace);
            addOption(officer, "P1", "Benches on the way to the shops", "5000");
            addOption(officer, "P2", "Benches in Riverside Park", "3000");
            officer.screenshots("officer-04-options", "#h-options");
            moveOn(officer, "Deliberate");
            moveOn(officer, "Vote");
        }

        // Precondition, not the officer's journey: a juror votes (through the API, as their phone would).
        ItSupport.Reply ballot = ItSupport.postJson(base, "/api/v1/cycles/" + id + "/ballots",
                "{\"channel\":\"JURY\",\"ranking\":[\"P1\",\"P2\"]}",
                "Authorization", ItSupport.basic("resident01", ItSupport.DEMO_PASSWORD));
        assertEquals(201, ballot.status(), ballot.body());

        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP)) {
            officer.signIn("officer", ItSupport.DEMO_PASSWORD);
            officer.open(workspace);
            // Closing the vote counts it; the jury's count makes the recommendations.
            moveOn(officer, "Decide");
            int count = officer.driver().findElements(By.cssSelector("[id$=':respond:response']")).size();
            assertEquals(2, count, "one recommendation per funded option");
            for (int i = 0; i < count; i++) {
                String p = "[id$=':" + i + ":respond:";
                officer.select(p + "response']", "ADOPTED");
                officer.type(p + "decisionMaker']", "Cabinet Member for Parks");
                officer.type(p + "rationale']", "The jury ranked it and it fits the budget.");
                officer.type(p + "tradeOff']", "The bench budget for 2027 is spent a year early.");
                officer.type(p + "budgetLine']", "Parks capital 2026 (PC-07)");
                officer.type(p + "amount']", i == 0 ? "5000" : "3000");
                officer.type(p + "whoLoses']", "Nobody directly; some pavement space is used.");
                officer.type(p + "offered']", "Benches sited with the access officer.");
                officer.clickAndWait(p + "save']");
                assertTrue(officer.text("#messages").contains("Response recorded"), officer.text("#messages"));
            }
            officer.screenshots("officer-05-responses", "#fb-decide");
            moveOn(officer, "Feed back");

            officer.type("#report\\:summary", "Because of you, eight benches go in on the way to the shops and in the park.");
            officer.type("#report\\:nextSteps", "Benches installed by the end of May; we will report back in June.");
            officer.clickAndWait("#report\\:publish");
            assertTrue(officer.text("#messages").contains("The report is published"), officer.text("#messages"));
            officer.screenshotsInBothLanguages("officer-06-report-published", "#fb-report");
            moveOn(officer, "Measure");

            // Outcomes: the objective of a funded option, an indicator set that passes the rule, and a reading.
            officer.clickAndWait("#measure-link");
            assertEquals("Measure outcomes", officer.text("#measure-title"));
            officer.select("#objective\\:option", "P1");
            officer.select("#objective\\:cell", "MY_WELLBEING");
            officer.type("#objective\\:outcome", "Older residents walk to the shops more often.");
            officer.type("#objective\\:owner", "Pat Lee, Parks Manager");
            officer.type("#objective\\:baseline", "38% walk weekly (2026 survey)");
            officer.type("#objective\\:target", "50% walk weekly by 2028");
            officer.setValue("#objective\\:review", LocalDate.now().plusYears(1).toString());
            officer.clickAndWait("#objective\\:save");
            assertTrue(officer.text("#messages").contains("Objective saved"), officer.text("#messages"));
            officer.select("#indicator\\:kind", "OUTCOME");
            officer.type("#indicator\\:iname", "Over-75s who walk to the shops weekly");
            officer.type("#indicator\\:unit", "%");
            officer.type("#indicator\\:source", "Ward survey");
            officer.select("#indicator\\:frequency", "ANNUAL");
            officer.type("#indicator\\:gaming", "Surveying only near the new benches.");
            officer.type("#indicator\\:counter", "Falls reported by over-75s");
            officer.clickAndWait("#indicator\\:add");
            assertTrue(officer.pageText().contains("Over-75s who walk to the shops weekly"), officer.text("#messages"));
            // One outcome indicator alone is not a set: it is refused with the rule, and stays a draft.
            officer.clickAndWait("[id$=':publishSet']");
            assertTrue(officer.text("#messages").contains("at least one more indicator that is not satisfaction"),
                    officer.text("#messages"));
            officer.select("#indicator\\:kind", "PERCEPTION");
            officer.type("#indicator\\:iname", "Older residents who feel there are enough places to rest");
            officer.type("#indicator\\:unit", "%");
            officer.type("#indicator\\:source", "Ward survey");
            officer.select("#indicator\\:frequency", "ANNUAL");
            officer.type("#indicator\\:gaming", "Asking only people sitting on a bench.");
            officer.type("#indicator\\:counter", "Complaints about benches");
            officer.clickAndWait("#indicator\\:add");
            officer.clickAndWait("[id$=':publishSet']");
            assertTrue(officer.driver().findElements(By.cssSelector("[id$=':publishSet']")).isEmpty(),
                    "the set is published: " + officer.text("#messages"));
            new org.openqa.selenium.support.ui.Select(officer.find("#reading\\:rindicator"))
                    .selectByVisibleText("Over-75s who walk to the shops weekly (%)");
            officer.type("#reading\\:amount", "41");
            officer.setValue("#reading\\:measuredOn", LocalDate.now().toString());
            officer.type("#reading\\:explanation", "First reading, three months after the benches went in.");
            officer.clickAndWait("#reading\\:record");
            assertTrue(officer.text("#messages").contains("Reading recorded"), officer.pageText());
            officer.screenshotsInBothLanguages("officer-07-reading", "#h-objectives");

            // Closing the cycle, then deleting the jury's personal data at once rather than after the retention period.
            officer.open(workspace);
            moveOn(officer, "Closed");
            String report = ItSupport.get(base, "/api/v1/cycles/" + id + "/report").body();
            String jury = ItSupport.get(base, cy).body();
            String pool = ItSupport.get(base, cy + "/pool.csv").body();
            assertTrue(pool.startsWith("id"), pool);
            assertTrue(personalRows(id) > 0, "personal data is there before retention");
            String metrics = "/api/v1/cycles/" + id + "/outcomes/metrics";
            jakarta.json.JsonObject taking = ItSupport.get(base, metrics).json();
            assertTrue(countedThroughPersonalData(id) > 0, "retention takes away what the live count needs");
            officer.clickAndWait("#retention\\:applyRetention");
            assertTrue(officer.text("#messages").contains("Personal data deleted"), officer.text("#messages"));
            assertTrue(officer.text("#retention\\:retained").length() > 0, officer.pageText());
            officer.screenshots("officer-08-retention", "#retention");
            assertEquals(0, personalRows(id), "no address, file row, id, code or account link is left");
            assertEquals(report, ItSupport.get(base, "/api/v1/cycles/" + id + "/report").body(), "report unchanged");
            assertEquals(jury, ItSupport.get(base, cy).body(), "the draw, its report and the letter figures unchanged");
            assertEquals(pool, ItSupport.get(base, cy + "/pool.csv").body(), "pool.csv unchanged");
            jakarta.json.JsonObject taken = ItSupport.get(base, metrics).json();
            assertEquals(taking.getInt("participants"), taken.getInt("participants"), "participants frozen: " + taken);
            assertEquals(taking.get("repeatShare"), taken.get("repeatShare"), "repeat share frozen");
            assertEquals(taking.get("costPerParticipant"), taken.get("costPerParticipant"));
            assertEquals(409, ItSupport.get(base, cy + "/letters.csv", "Authorization", officerAuth).status(),
                    "the letters are gone");
            assertTrue(ItSupport.awaitChained(base).getBoolean("valid"), "retention is in the audit chain");
        }

        // The public sees the decision and the first reading.
        try (Browser resident = new Browser(base.toString(), Browser.PHONE)) {
            resident.open("/outcomes.xhtml?cycle=" + id);
            assertTrue(resident.pageText().contains("First reading, three months after the benches went in."),
                    resident.pageText());
            resident.open("/report.xhtml?cycle=" + id);
            assertTrue(resident.text("#changed-summary").contains("eight benches"), resident.pageText());
        }
    }
}
