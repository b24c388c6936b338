package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The whole resident journey on a phone (390×844), on the demo council, as a newly registered resident: finds a
 * cycle from the home page and reads what is up for grabs, volunteers for the jury pool of the cycle that is
 * recruiting ("Library opening hours"), then on the cycle that is voting ("Youth spaces fund") reads the evidence,
 * gives views before deliberating, ranks the options with the keyboard alone and casts the ballot, checks the
 * receipt, and finally reads the published "you said, we did" report of the finished cycle ("Greener streets
 * 2026"). A fresh account each run, so nothing depends on other tests or on the order they run in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class ResidentJourneyIT {

    private static final String PASSWORD = "a long resident passphrase";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static List<String> rankedTitles(Browser b) {
        return b.driver().findElements(By.cssSelector("#rank-list .rank-name")).stream()
                .map(e -> e.getText().replaceFirst("^\\d+\\. ", "").replaceFirst(" \\(.*$", "")).toList();
    }

    /** The element that has the keyboard focus now. */
    private static WebElement focused(Browser b) {
        return b.driver().switchTo().activeElement();
    }

    /** Moves the focus with Tab until it reaches an element matching css (as a keyboard user would). */
    private static WebElement tabTo(Browser b, String css) {
        for (int i = 0; i < 80; i++) {
            WebElement now = focused(b);
            if (Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("return arguments[0].matches(arguments[1]);", now, css))) {
                return now;
            }
            now.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css);
    }

    @Test
    void aNewResidentTakesPartFromVolunteeringToReadingWhatWasDecided() throws Exception {
        String username = "phone" + Long.toString(System.currentTimeMillis(), 36);
        try (Browser phone = new Browser(base.toString(), Browser.PHONE)) {
            // Registers and signs in.
            phone.open("/register.xhtml");
            phone.type("#register\\:username", username);
            phone.type("#register\\:displayName", "Priya Phone");
            phone.type("#register\\:password", PASSWORD);
            phone.clickAndWait("#register\\:submit");
            assertTrue(phone.find("#login\\:username").isDisplayed(), "registration leads to the sign-in page");
            phone.signIn(username, PASSWORD);

            // Finds the recruiting cycle on the home page and reads what is up for grabs.
            phone.open("/");
            assertTrue(phone.text("#cycles").contains("Library opening hours"), phone.text("#cycles"));
            phone.screenshotsInBothLanguages("resident-01-home", null);
            phone.find("#cycles").findElement(By.linkText("Library opening hours")).click();
            phone.find("#cycle-title");
            phone.checkAccessibility();
            assertEquals("Library opening hours", phone.text("#cycle-title"));
            assertEquals("Recruit the jury", phone.text("#current-phase"));
            assertTrue(phone.text("#open-items").contains("How the libraries' opening hours are spread"),
                    phone.text("#open-items"));
            assertTrue(phone.text("#fixed-items").contains("Agreed in the council's budget for 2026/27."),
                    "what is not up for grabs, with the reason: " + phone.text("#fixed-items"));
            assertTrue(phone.text("#up-for-grabs").contains("Involve"), phone.text("#up-for-grabs"));
            assertEquals("Sam Patel, Head of Neighbourhoods", phone.text("#accountable"));
            assertTrue(phone.text("#promise").contains("you said, we did"), "the feedback promise is on the page");
            phone.screenshots("resident-02-up-for-grabs", "#up-for-grabs");

            // Volunteers for the jury pool, answering the category questions the draw balances on.
            phone.select("[id$=':0:answer']", "16-39");
            phone.select("[id$=':1:answer']", "North");
            phone.clickAndWait("#volunteer\\:submit");
            assertTrue(phone.text("#messages").contains("Tick the consent box"),
                    "without consent nothing is recorded: " + phone.text("#messages"));
            assertTrue(phone.driver().findElements(By.id("volunteered")).isEmpty());
            phone.select("[id$=':0:answer']", "16-39");
            phone.select("[id$=':1:answer']", "North");
            phone.find("#volunteer\\:consent").click();
            phone.clickAndWait("#volunteer\\:submit");
            assertTrue(phone.text("#messages").contains("you are in the pool"), phone.text("#messages"));
            assertTrue(phone.text("#volunteered").contains("You have volunteered"), phone.pageText());
            phone.screenshots("resident-03-volunteered", "#volunteered");

            // On the cycle that is voting: the options and their costs, then the evidence pack.
            phone.open("/");
            phone.find("#cycles").findElement(By.linkText("Youth spaces fund")).click();
            phone.find("#cycle-title");
            phone.checkAccessibility();
            assertTrue(phone.text("#h-options").length() > 0);
            assertTrue(phone.pageText().contains("Floodlit court") && phone.pageText().contains("£50,000"),
                    "the costed options are on the cycle page");
            phone.clickAndWait("#evidencePackLink");
            assertTrue(phone.text("#pack-meta").contains("Pack version"), phone.pageText());
            String pack = phone.text("#h-items") + phone.pageText();
            assertTrue(pack.contains("What young people said") && pack.contains("Floodlights next to homes"),
                    "the pack carries the case for and against");
            phone.screenshotsInBothLanguages("resident-04-evidence", null);

            // Views before deliberating: the opinion statements and a first ranking, from the discussion page.
            phone.open("/cycle.xhtml?id=" + ItSupport.cycleTitled(base, "Youth spaces fund"));
            phone.clickAndWait("#discuss-link");
            phone.clickAndWait("#before-link");
            List<WebElement> statements = phone.driver().findElements(By.cssSelector("fieldset.opinion legend"));
            assertTrue(statements.size() >= 3, "two statements and the ranking: " + statements.size());
            phone.clickAndWait("#opinions\\:save");
            assertTrue(phone.text("#messages").contains("Answer every statement"),
                    "an incomplete answer is refused with a reason: " + phone.text("#messages"));
            assertTrue(phone.driver().findElements(By.id("opinions-saved")).isEmpty(), "and nothing was saved");
            int scales = phone.driver().findElements(By.cssSelector("table.scale, .scale")).size();
            for (int i = 0; i < scales; i++) {
                phone.find("label[for$=':" + i + ":score:" + (i == 0 ? 3 : 1) + "']").click();
            }
            List<WebElement> ranks = phone.driver().findElements(By.cssSelector("select.rank-select"));
            for (int i = 0; i < ranks.size(); i++) {
                phone.select("[id$=':" + i + ":rank']", Integer.toString(i + 1));
            }
            phone.screenshots("resident-05-views-before", "#opinions");
            phone.clickAndWait("#opinions\\:save");
            assertTrue(phone.text("#messages").contains("Your answers are saved"), phone.text("#messages"));

            // The ballot, arranged with the keyboard alone: Tab to an option's Add button, Enter; again; then
            // Arrow Up on the second option's handle puts it first.
            phone.open("/cycle.xhtml?id=" + ItSupport.cycleTitled(base, "Youth spaces fund"));
            phone.clickAndWait("#vote-link");
            assertTrue(phone.pageText().contains("Residents' ballot"), "a resident votes in the open channel");
            phone.find("#rank-pool .rank-add");
            ((org.openqa.selenium.JavascriptExecutor) phone.driver()).executeScript("document.activeElement.blur();"
                    + " document.getElementById('main').focus();");
            tabTo(phone, "#rank-pool .rank-add").sendKeys(Keys.ENTER);
            assertEquals(List.of("Evening youth club"), rankedTitles(phone));
            tabTo(phone, "#rank-pool .rank-add").sendKeys(Keys.ENTER);
            assertEquals(List.of("Evening youth club", "Floodlit court"), rankedTitles(phone));
            assertTrue(focused(phone).getDomAttribute("class").contains("rank-handle"),
                    "the focus follows the option just added");
            focused(phone).sendKeys(Keys.ARROW_UP);
            assertEquals(List.of("Floodlit court", "Evening youth club"), rankedTitles(phone), "Arrow Up moves it up");
            assertTrue(focused(phone).getDomAttribute("class").contains("rank-handle"), "the focus stays on it");
            assertEquals("1", phone.driver().findElements(By.cssSelector("select.rank-select")).get(1)
                    .getDomProperty("value"), "the form carries the arranged order");
            // Dragging with a finger or mouse works too.
            new Actions(phone.driver()).clickAndHold(phone.find("#rank-list .rank-handle"))
                    .moveByOffset(0, 90).release().perform();
            assertEquals(List.of("Evening youth club", "Floodlit court"), rankedTitles(phone), "dragged below");
            phone.driver().findElements(By.cssSelector("#rank-list .rank-handle")).get(1).sendKeys(Keys.ARROW_UP);
            assertEquals(List.of("Floodlit court", "Evening youth club"), rankedTitles(phone));
            String running = phone.text("#running-cost");
            assertTrue(running.contains("2 options") && running.contains("£85,000") && running.contains("£80,000"),
                    "the running cost of the ranked options against the budget: " + running);
            phone.screenshots("resident-06-ballot", "#ballot");
            tabTo(phone, "#ballot\\:cast");
            WebElement cast = focused(phone);
            cast.sendKeys(Keys.ENTER);
            phone.waitUntilGone(cast);
            phone.checkAccessibility();
            String receipt = phone.text("#receipt");
            assertTrue(receipt.matches("R-[A-Z2-9]{12}"), receipt);
            phone.screenshotsInBothLanguages("resident-07-receipt", null);
            phone.open("/account/vote.xhtml?id=" + ItSupport.cycleTitled(base, "Youth spaces fund"));
            assertTrue(phone.text("#already").contains("already voted"), phone.pageText());

            // Checks the receipt: recorded, and published with every ballot once the vote closes.
            phone.open("/receipt.xhtml");
            phone.type("#receipt\\:code", receipt.toLowerCase());
            phone.clickAndWait("#receipt\\:check");
            assertTrue(phone.text("#result").contains("The vote is still open"), phone.pageText());
            assertTrue(phone.driver().findElements(By.id("ranking")).isEmpty(),
                    "an open vote's ballots are not shown yet");

            // Reads what was decided in the finished cycle and why.
            phone.open("/");
            phone.find("#cycles").findElement(By.linkText("Greener streets 2026")).click();
            phone.find("#cycle-title");
            phone.clickAndWait("#report-link");
            assertTrue(phone.text("#report-title").contains("Greener streets 2026"), phone.pageText());
            assertFalse(phone.text("#changed-summary").isBlank(), "the report leads with what changed");
            String decisions = phone.text("#decisions");
            assertTrue(decisions.contains("School crossings"), decisions);
            phone.screenshotsInBothLanguages("resident-08-you-said-we-did", "#report-title");
        }

        // Anyone can check a published ballot of the closed cycle by its receipt.
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        String published = get(base, "/api/v1/cycles/" + closed + "/ballots.csv").body().split("\n")[1];
        String receipt = published.split(",")[0];
        try (Browser anyone = new Browser(base.toString(), Browser.PHONE)) {
            anyone.open("/receipt.xhtml");
            anyone.type("#receipt\\:code", receipt.toLowerCase());
            anyone.clickAndWait("#receipt\\:check");
            String ranking = anyone.text("#ranking");
            assertEquals(published.substring(published.indexOf('"') + 1, published.lastIndexOf('"')).split(",").length,
                    ranking.split("\n").length, ranking);
        }
    }
}
