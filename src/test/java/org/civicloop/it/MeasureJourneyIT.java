package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
import org.openqa.selenium.By;

/**
 * In a real browser: an officer records an indicator reading for the closed demo cycle, is refused while the
 * explanation is missing, records it with one, and a visitor on a phone sees the figure, its explanation and a new
 * point on the indicator's chart on the public results page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class MeasureJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private Browser signedIn(String username, org.openqa.selenium.Dimension size) throws Exception {
        Browser b = new Browser(base.toString(), size);
        b.open("/login.xhtml");
        b.type("#login\\:username", username);
        b.type("#login\\:password", ItSupport.DEMO_PASSWORD);
        b.find("#login\\:submit").click();
        // Wait for the signed-in page by what it shows (a staleness check can race the navigation).
        b.waiting(java.time.Duration.ofSeconds(30)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("logoutForm")));
        return b;
    }

    private static String username(String sql, long cycle) throws Exception {
        try (java.sql.Connection c = ItSupport.connect(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, cycle);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    @Test
    void anOfficerRecordsAnExplainedReadingAndThePublicSeesItOnTheChart() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Greener streets 2026");
        JsonObject indicator = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/outcomes").json()
                .getJsonArray("objectives").getValuesAs(JsonObject.class).stream()
                .flatMap(o -> o.getJsonArray("indicators").getValuesAs(JsonObject.class).stream())
                .filter(i -> i.getString("name").equals("Trees still alive after two summers")).findFirst()
                .orElseThrow();
        long id = indicator.getJsonNumber("id").longValue();
        int before = indicator.getJsonArray("readings").size();
        String explanation = "Browser check " + System.currentTimeMillis() + ": two trees lost to a dry spell.";

        try (Browser officer = signedIn("officer", Browser.DESKTOP)) {
            officer.open("/officer/measure.xhtml?id=" + cycle);
            assertEquals("Measure outcomes", officer.text("#measure-title"));

            officer.select("#reading\\:rindicator", Long.toString(id));
            officer.type("#reading\\:amount", "95");
            officer.setValue("#reading\\:measuredOn", LocalDate.now().toString());
            officer.clickAndWait("#reading\\:record");
            assertTrue(officer.text("#messages").contains("explanation"), officer.pageText());
            officer.screenshot("measure-reading-refused-desktop");

            officer.select("#reading\\:rindicator", Long.toString(id));
            officer.type("#reading\\:amount", "95");
            officer.setValue("#reading\\:measuredOn", LocalDate.now().toString());
            officer.type("#reading\\:explanation", explanation);
            officer.clickAndWait("#reading\\:record");
            assertTrue(officer.text("#messages").contains("Reading recorded"), officer.pageText());
            officer.screenshot("measure-officer-desktop");

            // The co-production ledger's form (AccountabilityBean, beside MeasureBean on the same page).
            String venue = "Browser check " + System.currentTimeMillis() + ": school hall for the review panel";
            officer.select("#ledger\\:lkind", "VENUE");
            officer.type("#ledger\\:ldesc", venue);
            officer.type("#ledger\\:lamount", "120");
            officer.clickAndWait("#ledger\\:recordLedger");
            assertTrue(officer.text("#messages").contains("Added to the ledger."), officer.pageText());
            assertTrue(ItSupport.get(base, "/api/v1/cycles/" + cycle + "/outcomes").json().getJsonArray("ledger")
                    .getValuesAs(JsonObject.class).stream().anyMatch(l -> l.getString("description").equals(venue)),
                    "the entry is in the published ledger");

            // Closing the loop: the cycle opened from this one shows its measured results and open recommendations.
            long next;
            try (java.sql.Connection c = ItSupport.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM cycle WHERE previous_cycle_id = ?")) {
                ps.setLong(1, cycle);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the demo opened the next cycle");
                    next = rs.getLong(1);
                }
            }
            officer.open("/officer/cycle.xhtml?id=" + next);
            String context = officer.text("#previous-results");
            assertTrue(context.contains("Children walking to school") && context.contains(explanation), context);
            String open = officer.text("#open-recommendations");
            assertTrue(open.contains("Street trees"), "the funded option still being delivered is open: " + open);
            assertTrue(!open.contains("School crossings"), "the completed one is not: " + open);
            officer.screenshot("measure-next-cycle-context-desktop");
        }

        // A participant who has not answered yet answers the trust survey on the page; a panel member comments.
        String participant = username("SELECT a.username FROM volunteer v JOIN account a ON a.id = v.account_id"
                + " WHERE v.cycle_id = ? AND NOT EXISTS (SELECT 1 FROM trust_answer t WHERE t.cycle_id = v.cycle_id"
                + " AND t.account_id = v.account_id) ORDER BY a.username", cycle);
        try (Browser resident = signedIn(participant, Browser.PHONE)) {
            resident.open("/outcomes.xhtml?cycle=" + cycle);
            resident.find("#survey\\:trust\\:3").click();
            resident.find("#survey\\:heard\\:4").click();
            resident.find("#survey\\:again\\:0").click();
            resident.clickAndWait("#survey\\:answer");
            assertTrue(resident.text("#messages").contains("Thank you"), resident.pageText());
            assertTrue(resident.driver().findElements(By.id("survey:answer")).isEmpty(), "one answer per person");
        }
        String member = username("SELECT a.username FROM review_panel p JOIN review_panel_member m ON m.panel_id = p.id"
                + " JOIN account a ON a.id = m.account_id WHERE p.cycle_id = ? ORDER BY a.username", cycle);
        String comment = "Panel check " + System.currentTimeMillis() + ": the watering log matches what we saw.";
        try (Browser panel = signedIn(member, Browser.DESKTOP)) {
            panel.open("/outcomes.xhtml?cycle=" + cycle);
            panel.select("#review\\:rindicator", Long.toString(id));
            panel.type("#review\\:quarter", LocalDate.now().getYear() + "-Q" + ((LocalDate.now().getMonthValue() - 1) / 3 + 1));
            panel.type("#review\\:comment", comment);
            panel.clickAndWait("#review\\:send");
            assertTrue(panel.text("#indicator-" + id).contains(comment), panel.text("#indicator-" + id));
        }

        try (Browser visitor = new Browser(base.toString(), Browser.PHONE)) {
            visitor.open("/outcomes.xhtml?cycle=" + cycle + "#option-B");
            assertTrue(visitor.text("#outcomes-title").startsWith("Results and accountability"));
            String block = visitor.text("#indicator-" + id);
            assertTrue(block.contains(explanation), block);
            assertTrue(block.contains("95 %"), block);
            int dots = visitor.driver().findElements(By.cssSelector("#indicator-" + id + " svg circle")).size();
            assertEquals(before + 1, dots, "one more point on the chart");
            assertTrue(visitor.pageText().contains("Repeat participants"), "engagement metrics are shown");
            visitor.screenshot("measure-results-phone");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) visitor.driver()).executeScript(
                    "const w = document.documentElement.clientWidth; const wide = [];"
                    + " document.querySelectorAll('main *').forEach(e => { const r = e.getBoundingClientRect();"
                    + " if (r.right > w + 1 && !e.closest('.table-scroll')) wide.push(e.tagName + '.' + e.className"
                    + " + ' ' + Math.round(r.right)); }); return wide.slice(0, 5).join(', ');");
            assertEquals("", overflow, "nothing wider than a phone screen outside scrollable tables");
        }
    }
}
