package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.interactions.Actions;

/**
 * A resident on a phone: signs in, ranks the options of the open vote while the page keeps the running cost in
 * view, casts the ballot and keeps the receipt; cannot vote twice; later checks a published ballot by its receipt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class ResidentJourneyIT {

    private static List<String> rankedTitles(Browser b) {
        return b.driver().findElements(By.cssSelector("#rank-list .rank-name")).stream()
                .map(e -> e.getText().replaceFirst("^\\d+\\. ", "").replaceFirst(" \\(.*$", "")).toList();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;


    @Test
    void aResidentRanksCastsAndChecksTheirBallot() throws Exception {
        long voting = ItSupport.cycleInPhase(base, "VOTE");
        try (Browser phone = new Browser(base.toString(), Browser.PHONE)) {
            phone.open("/login.xhtml");
            phone.type("#login\\:username", "resident14");
            phone.type("#login\\:password", ItSupport.DEMO_PASSWORD);
            phone.clickAndWait("#login\\:submit");

            phone.open("/cycle.xhtml?id=" + voting);
            phone.clickAndWait("#vote-link");
            assertTrue(phone.pageText().contains("Residents' ballot"), "a resident votes in the open channel");
            // The ballot is arranged like a list: add two options, then reorder by keyboard and by dragging.
            phone.find("#rank-pool .rank-add").click();
            phone.find("#rank-pool .rank-add").click();
            assertEquals(List.of("Evening youth club", "Floodlit court"), rankedTitles(phone));
            phone.driver().findElements(By.cssSelector("#rank-list .rank-handle")).get(1).sendKeys(Keys.ARROW_UP);
            assertEquals(List.of("Floodlit court", "Evening youth club"), rankedTitles(phone), "Arrow Up moves it up");
            new Actions(phone.driver()).clickAndHold(phone.find("#rank-list .rank-handle"))
                    .moveByOffset(0, 90).release().perform();
            assertEquals(List.of("Evening youth club", "Floodlit court"), rankedTitles(phone), "dragged below");
            phone.driver().findElements(By.cssSelector("#rank-list .rank-handle")).get(1).sendKeys(Keys.ARROW_UP);
            assertEquals("1", phone.driver().findElements(By.cssSelector("select.rank-select")).get(1)
                    .getDomProperty("value"), "the form carries the arranged order");
            String running = phone.text("#running-cost");
            assertTrue(running.contains("2 options") && running.contains("£85,000") && running.contains("£80,000"),
                    "the running cost of the ranked options against the budget: " + running);
            phone.screenshot("resident-ballot-phone");
            phone.clickAndWait("#ballot\\:cast");
            String receipt = phone.text("#receipt");
            assertTrue(receipt.matches("R-[A-Z2-9]{12}"), receipt);
            phone.screenshot("resident-receipt-phone");

            phone.open("/account/vote.xhtml?id=" + voting);
            assertTrue(phone.text("#already").contains("already voted"), phone.pageText());
        }

        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        String published = get(base, "/api/v1/cycles/" + closed + "/ballots.csv").body().split("\n")[1];
        String receipt = published.split(",")[0];
        try (Browser anyone = new Browser(base.toString(), Browser.PHONE)) {
            anyone.open("/receipt.xhtml");
            anyone.type("#receipt\\:code", receipt.toLowerCase());
            anyone.clickAndWait("#receipt\\:check");
            String ranking = anyone.text("#ranking");
            String firstChoice = published.substring(published.indexOf('"') + 1).split(",")[0];
            assertEquals(published.substring(published.indexOf('"') + 1, published.lastIndexOf('"')).split(",").length,
                    ranking.split("\n").length, ranking);
            assertTrue(ranking.length() > 0 && !firstChoice.isEmpty());
        }
    }
}
