package org.civicloop.it;

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
 * In a real browser: an officer signs in, opens a cycle, is refused launch while the mandate lacks its purpose and
 * while nothing is up for grabs, fixes both, launches, and an anonymous visitor then reads the public cycle page on a
 * phone: what is open, what is fixed and why, how much influence residents have, who is accountable.
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

    @Test
    void anOfficerOpensACycleAdvancesItAndThePublicSeesIt() throws Exception {
        String title = "Park benches " + System.currentTimeMillis();
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
    }
}
