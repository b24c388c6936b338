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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Jury day in four separate browsers: the facilitator plans a poll round on the console and starts it, a projector
 * screen follows the session by server push, two jurors join from their phones (by link and by code) and answer,
 * and the projector's bars move without the page ever reloading; a juror's question reaches the console live and
 * goes on screen when the facilitator says so. The projector never shows a name.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class FacilitatedRoundJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static void signIn(Browser b, String user) {
        b.open("/login.xhtml");
        b.type("#login\\:username", user);
        b.type("#login\\:password", ItSupport.DEMO_PASSWORD);
        b.clickAndWait("#login\\:submit");
    }

    /** Text of an element the page re-renders on every push (read in one step, so it cannot go stale). */
    private static String liveText(Browser b, String css) {
        Object text = ((JavascriptExecutor) b.driver()).executeScript(
                "var e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", css);
        return text == null ? "" : text.toString();
    }

    private static String barCount(Browser b, String key) {
        return liveText(b, ".live-bar[data-key='" + key + "'] .live-bar-count");
    }

    @Test
    void aPollRoundReachesTheProjectorByPushWithoutReload() throws Exception {
        long youth = ItSupport.cycleTitled(base, "Youth spaces fund");
        String title = "Journey session " + System.currentTimeMillis();
        try (Browser console = new Browser(base.toString(), Browser.DESKTOP);
             Browser projector = new Browser(base.toString(), Browser.PROJECTOR);
             Browser phone1 = new Browser(base.toString(), Browser.PHONE);
             Browser phone2 = new Browser(base.toString(), Browser.PHONE)) {
            // The facilitator plans a session with one statement poll.
            signIn(console, "facilitator");
            console.open("/facilitator/console.xhtml?id=" + youth);
            console.type("#newSession\\:title", title);
            console.clickAndWait("#newSession\\:create");
            console.find("a.session-link");
            console.driver().findElement(By.linkText(title)).click();
            console.find("#join-code");
            console.select("#newRound\\:kind", "POLL_STATEMENT");
            console.type("#newRound\\:title", "Where do you stand now?");
            console.type("#newRound\\:minutes", "5");
            new Select(console.find("#newRound\\:statement")).selectByIndex(1);
            console.clickAndWait("#newRound\\:add");
            console.screenshots("facilitator-01-session-planned");
            String code = console.text("#join-code");
            String screenUrl = console.find("#screen-link").getAttribute("href");
            assertTrue(code.matches("[A-Z2-9]{6}"), code);

            // A projector opens the screen link (no sign-in) and goes live.
            projector.driver().get(screenUrl);
            projector.await(ExpectedConditions.textToBe(By.id("screen-status"), "Live"));
            ((JavascriptExecutor) projector.driver()).executeScript("window.__sameDocument = true;");
            assertEquals("Waiting for the next round", projector.text("#screen-round"));

            // Two jurors join: one with the link, one by typing the code.
            signIn(phone1, "juror");
            phone1.open("/account/live.xhtml?code=" + code);
            phone1.find("#juror");
            signIn(phone2, "resident06");
            phone2.open("/account/live.xhtml");
            phone2.type("#join\\:code", code.toLowerCase());
            phone2.clickAndWait("#join\\:join");
            phone2.find("#juror");

            // The facilitator starts the round: the projector and both phones show it without reloading. The console
            // runs the control in place: the page is not loaded again and does not jump back to the top.
            JavascriptExecutor consoleJs = (JavascriptExecutor) console.driver();
            consoleJs.executeScript("document.getElementById('h-agenda').scrollIntoView(); window.__consoleKept = true;");
            Number scrolled = (Number) consoleJs.executeScript("return window.scrollY;");
            console.clickAndWait("input[id$=':start']");
            assertEquals(Boolean.TRUE, consoleJs.executeScript("return window.__consoleKept === true;"),
                    "the console page was not reloaded");
            assertTrue(((Number) consoleJs.executeScript("return window.scrollY;")).doubleValue() > 0
                    && scrolled.doubleValue() > 0, "the console stays where the facilitator was");
            // The agenda shows the round running (Pause instead of Start) as soon as the page comes back.
            console.find("input[id$=':pause']");
            assertTrue(console.driver().findElements(By.cssSelector("input[id$=':start']")).isEmpty(),
                    "the round is no longer shown as still to start");
            projector.await(ExpectedConditions.textToBe(By.id("screen-title"), "Where do you stand now?"));
            assertTrue(projector.text("#screen-question").length() > 10, "the statement is on screen");
            // A juror's phone shows the statement once (the answer form asks and points at it, not repeats it).
            String statement = projector.text("#screen-question");
            phone1.await(ExpectedConditions.textToBe(By.id("j-question"), statement));
            phone1.find("#j-send");
            assertEquals(1, phone1.pageText().split(java.util.regex.Pattern.quote(statement), -1).length - 1,
                    "the statement once on the phone: " + phone1.pageText());
            assertTrue(projector.text("#screen-timer").matches("[45]:\\d\\d"), projector.text("#screen-timer"));
            projector.await(d -> liveText(projector, ".live-respondents").equals("0 of 8 jurors have answered"));

            phone1.find("label[for='j-score-4']").click();
            phone1.find("#j-send").click();
            phone1.await(ExpectedConditions.textToBePresentInElementLocated(By.id("j-mine"), "Agree"));
            phone2.find("label[for='j-score-5']").click();
            long sent = System.nanoTime();
            phone2.find("#j-send").click();
            projector.await(d -> "1".equals(barCount(projector, "4")) && "1".equals(barCount(projector, "5")));
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertEquals("2 of 8 jurors have answered", liveText(projector, ".live-respondents"));
            assertTrue(millis < 5000, "the projector followed within seconds (WebDriver included): " + millis + " ms");
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) projector.driver())
                    .executeScript("return window.__sameDocument === true;"), "the projector never reloaded");
            // The remote juror sees what the room sees.
            phone1.await(d -> "1".equals(barCount(phone1, "5")));
            projector.screenshot("projector-1920x1080-poll");
            phone2.screenshot("juror-phone-poll");

            // A question from a phone reaches the console live and goes on screen when the facilitator says so.
            phone1.type("#j-question-body", "Who would staff the evening club?");
            phone1.find("#j-ask").click();
            console.await(ExpectedConditions.textToBePresentInElementLocated(By.id("c-questions"),
                    "Who would staff the evening club?"));
            assertTrue(projector.driver().findElements(By.cssSelector("#screen-queue li")).isEmpty(),
                    "not on screen until the facilitator puts it there");
            // By keyboard: Enter on the button. The console's list is re-rendered on every push: retry if the button
            // was replaced under the key press.
            console.await(d -> {
                try {
                    d.findElement(By.xpath("//ul[@id='c-questions']//button[normalize-space()='Show on screen']"))
                            .sendKeys(org.openqa.selenium.Keys.ENTER);
                    return true;
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return false;
                }
            });
            projector.await(ExpectedConditions.textToBePresentInElementLocated(By.id("screen-queue"),
                    "Who would staff the evening club?"));
            // The list was re-drawn under the keyboard user: the focus stays on that question's next button.
            console.await(d -> d.findElements(By.xpath("//ul[@id='c-questions']//button[normalize-space()="
                    + "'Show on screen']")).isEmpty());
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) console.driver()).executeScript(
                    "var a = document.activeElement; return !!(a && a.closest('#c-questions li'));"),
                    "the keyboard focus stays in the question list after the push");
            phone2.find("#j-hand").click();
            projector.await(ExpectedConditions.textToBe(By.id("screen-hands"), "Hands raised: 1"));
            console.await(ExpectedConditions.textToBePresentInElementLocated(By.id("c-hands"),
                    "Demo Resident 6"));
            console.screenshot("facilitator-console-live");
            console.screenshots("facilitator-02-console-live");
            // The same console in Spanish for the guide, switched with the page's language links and back.
            console.clickAndWait("#langForm a[lang='es']");
            console.await(ExpectedConditions.textToBePresentInElementLocated(By.id("c-hands"), "Demo Resident 6"));
            assertEquals("es", console.find("html").getAttribute("lang"));
            console.screenshots("facilitator-02-console-live-es");
            console.clickAndWait("#langForm a[lang='en']");
            console.await(ExpectedConditions.textToBePresentInElementLocated(By.id("c-hands"), "Demo Resident 6"));

            String screenText = projector.pageText();
            assertFalse(screenText.contains("Jo Juror") || screenText.contains("Demo Resident"),
                    "no names on the projector: " + screenText);
            projector.driver().manage().window().setSize(new Dimension(1280, 720));
            projector.screenshot("projector-1280x720-poll");

            // Tables: the facilitator seats the jury at two tables; each juror's phone says which is theirs. Adding
            // the round, seating the tables and noting the round run in place: the page is never reloaded (a marker
            // set in it survives) and does not jump back to the top.
            JavascriptExecutor consoleForms = (JavascriptExecutor) console.driver();
            consoleForms.executeScript("window.__formsKept = true;");
            console.select("#newRound\\:kind", "SMALL_GROUP");
            console.type("#newRound\\:title", "Talk at your table");
            console.type("#newRound\\:minutes", "10");
            consoleForms.executeScript("document.getElementById('newRound').scrollIntoView();");
            console.clickAndWait("#newRound\\:add");
            console.await(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda-table"),
                    "Talk at your table"));
            assertTrue(((Number) consoleForms.executeScript("return window.scrollY;")).doubleValue() > 0,
                    "adding a round keeps the place on the page");
            console.type("input[id$=':count']", "2");
            console.clickAndWait("input[id$=':allocate']");
            phone1.await(d -> d.findElement(By.id("j-table")).getText().matches("You sit at table [12]"));
            phone2.await(d -> d.findElement(By.id("j-table")).getText().matches("You sit at table [12]"));
            console.await(ExpectedConditions.textToBePresentInElementLocated(By.id("tables"), "2"));
            console.type("#roundNote\\:body", "Both tables want the court lit until nine.");
            console.clickAndWait("#roundNote\\:record");
            console.await(ExpectedConditions.textToBePresentInElementLocated(By.id("session-notes"),
                    "Both tables want the court lit until nine."));
            assertEquals(Boolean.TRUE, consoleForms.executeScript("return window.__formsKept === true;"),
                    "adding a round, seating tables and noting a round did not reload the console");

            // The session ends: the projector no longer shows a hand raised (one was still up).
            assertEquals("Hands raised: 1", projector.text("#screen-hands"));
            ((JavascriptExecutor) console.driver()).executeScript("window.confirm = function () { return true; };");
            console.clickAndWait("#end\\:endSession");
            projector.await(ExpectedConditions.textToBe(By.id("screen-hands"), ""));
            // The console, too, lists no hand once the session has ended.
            console.await(d -> d.findElement(By.id("c-no-hands")).isDisplayed());
            assertEquals(0, console.driver().findElements(By.cssSelector("#c-hands li")).size(),
                    "no hand is listed after the end");
        }
    }
}
