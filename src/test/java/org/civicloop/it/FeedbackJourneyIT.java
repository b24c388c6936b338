package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
 * An officer answers the recommendations of the demo cycle whose feedback promise is overdue, publishes the
 * "you said, we did" report, and a resident on a phone reads it from the cycle page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class FeedbackJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anOfficerRecordsResponsesAndPublishesAndAResidentReadsTheReportOnAPhone() throws Exception {
        long id = ItSupport.cycleTitled(base, "Riverside play streets");
        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP)) {
            officer.open("/login.xhtml");
            officer.type("#login\\:username", "officer");
            officer.type("#login\\:password", ItSupport.DEMO_PASSWORD);
            officer.clickAndWait("#login\\:submit");

            officer.open("/officer/cycle.xhtml?id=" + id);
            officer.find("#cycle-title");
            officer.screenshot("feedback-decide-desktop");
            assertTrue(!officer.driver().findElements(By.id("fb-overdue")).isEmpty()
                    && officer.text("#fb-overdue").contains("has passed"), "the overdue promise is flagged: "
                    + officer.driver().getPageSource().substring(Math.max(0,
                    officer.driver().getPageSource().indexOf("h-vote"))));
            int count = officer.driver().findElements(By.cssSelector("[id$=':respond:response']")).size();
            assertTrue(count >= 2, "the jury's count made the recommendations: " + count);

            // A response without the trade-off is refused with a clear message and nothing is recorded.
            officer.select("[id$=':0:respond:response']", "ADOPTED");
            officer.type("[id$=':0:respond:rationale']", "Backed by most jurors.");
            officer.clickAndWait("[id$=':0:respond:save']");
            assertTrue(officer.text("#messages").contains("trade-off"), officer.text("#messages"));
            // A wrong amount is refused beside its field, in its own row (the forms repeat, one per recommendation):
            // that row's field is marked invalid and points at its message; the next row's field is not marked.
            officer.type("[id$=':0:respond:amount']", "lots");
            officer.clickAndWait("[id$=':0:respond:save']");
            org.openqa.selenium.WebElement amount = officer.find("[id$=':0:respond:amount']");
            assertEquals("true", amount.getDomAttribute("aria-invalid"));
            String describedBy = amount.getDomAttribute("aria-describedby");
            assertTrue(describedBy != null && describedBy.endsWith(":0:respond:amount-error"), describedBy);
            assertTrue(officer.driver().findElement(By.id(describedBy)).getText().contains("whole number"),
                    officer.pageText());
            org.openqa.selenium.WebElement next = officer.find("[id$=':1:respond:amount']");
            assertEquals("false", next.getDomAttribute("aria-invalid"));
            String nextDescribedBy = next.getDomAttribute("aria-describedby");
            assertTrue(nextDescribedBy == null || nextDescribedBy.isEmpty(), nextDescribedBy);

            for (int i = 0; i < count; i++) {
                String p = "[id$=':" + i + ":respond:";
                boolean first = i == 0;
                officer.select(p + "response']", first ? "ADOPTED" : "REJECTED");
                officer.type(p + "rationale']", first ? "Mill Lane school asked for it and most jurors backed it."
                        : "The police advise against closing a bus route.");
                officer.type(p + "tradeOff']", "Through traffic uses Hill Street for two hours.");
                if (first) {
                    officer.type(p + "budgetLine']", "Play pilot 2026 (PP-01)");
                    officer.type(p + "amount']", "8000");
                }
                officer.type(p + "whoLoses']", "Drivers who cut through after school.");
                officer.type(p + "offered']", "Signed diversions and a letter to every house.");
                officer.clickAndWait(p + "save']");
                assertTrue(officer.text("#messages").contains("Response recorded"), officer.text("#messages"));
                // The "still need a response" counter counts this save at once (it was one behind).
                int left = count - i - 1;
                java.util.List<org.openqa.selenium.WebElement> blocker = officer.driver().findElements(By.id("blocker"));
                if (left == 0) {
                    assertTrue(blocker.isEmpty(), "nothing left to answer: " + (blocker.isEmpty() ? "" : blocker.get(0).getText()));
                } else {
                    String expected = left == 1 ? "One recommendation still needs a response."
                            : left + " recommendations still need a response.";
                    assertTrue(!blocker.isEmpty() && blocker.get(0).getText().contains(expected),
                            expected + " / " + (blocker.isEmpty() ? "no blocker" : blocker.get(0).getText()));
                }
            }
            officer.screenshot("feedback-responses-desktop");
            officer.clickAndWait("#advance\\:next");
            assertEquals("Feed back", officer.text("#current-phase"));

            officer.type("#report\\:summary", "Because of you, Mill Lane closes to traffic after school from May.");
            officer.type("#report\\:nextSteps", "Letters to Mill Lane homes in April; first play street on 4 May.");
            officer.clickAndWait("#report\\:publish");
            assertTrue(officer.text("#messages").contains("The report is published"), officer.text("#messages"));
            officer.screenshot("feedback-published-desktop");
            // A correction is a new version with a visible note; version 1 stays readable.
            officer.type("#report\\:changeNote", "The first play street opens on 4 May, not 1 May.");
            officer.clickAndWait("#report\\:correct");
            assertTrue(officer.text("#messages").contains("new version"), officer.text("#messages"));
            assertTrue(officer.text("#fb-report").contains("Version 2"), officer.text("#fb-report"));
        }

        try (Browser phone = new Browser(base.toString(), Browser.PHONE)) {
            phone.open("/cycle.xhtml?id=" + id);
            assertTrue(phone.driver().findElements(By.id("overdue")).isEmpty(), "no longer overdue");
            phone.clickAndWait("#report-link");
            assertTrue(phone.text("#report-title").contains("Riverside play streets"));
            assertEquals("Because of you, Mill Lane closes to traffic after school from May.",
                    phone.text("#changed-summary"), "the page leads with what changed because of residents");
            String decisions = phone.text("#decisions");
            assertTrue(decisions.contains("Adopted") && decisions.contains("Rejected"), decisions);
            assertTrue(decisions.contains("The police advise against closing a bus route."), decisions);
            assertTrue(decisions.contains("Signed diversions and a letter to every house."), "what losers are offered");
            // The vote table keeps every option's points and cost, funded or not, highest points first.
            java.util.List<org.openqa.selenium.WebElement> rows = phone.driver().findElements(By.cssSelector("#vote-table tbody tr"));
            assertTrue(rows.size() >= 2, "every option is listed: " + rows.size());
            double previous = Double.MAX_VALUE;
            boolean sawNotFunded = false;
            for (org.openqa.selenium.WebElement row : rows) {
                java.util.List<org.openqa.selenium.WebElement> cells = row.findElements(By.cssSelector("td"));
                String points = cells.get(0).getText().strip();
                assertTrue(!points.isEmpty() && !cells.get(1).getText().isBlank(), "points and cost: " + row.getText());
                double value = Double.parseDouble(points.replace(",", ""));
                assertTrue(value <= previous, "highest points first: " + phone.text("#vote-table"));
                previous = value;
                sawNotFunded |= cells.get(2).getText().startsWith("Not funded");
            }
            assertTrue(sawNotFunded, "a losing option keeps its figures: " + phone.text("#vote-table"));
            assertTrue(phone.text("#no-shift").contains("No before/after answers were recorded"));
            assertTrue(phone.text("#check").length() > 64, "the audit head hash is shown");
            assertTrue(phone.text("#change-note").contains("4 May, not 1 May"), "the correction says what changed");
            Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) phone.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 0, "no sideways scrolling on a phone: " + overflow);
            phone.screenshot("feedback-report-phone");
            phone.clickAndWait("[lang='es']");
            assertFalse(phone.text("#changed").isEmpty());
            assertTrue(phone.pageText().contains("Qué se decidió y por qué"), "the page in Spanish");
            phone.screenshot("feedback-report-phone-es");
        }
    }
}
