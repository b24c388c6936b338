package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civicloop.kernel.Csv;
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
 * A letter round in a real browser: the officer uploads an address list on the workspace, commits and draws the
 * letters (split by area) and makes volunteering letters-only; a resident registers on the cycle page with the code
 * from their letter (a wrong code first, refused), a second resident's try with the same code is refused, and the
 * workspace shows the response by area. Screenshots at each step, axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class LetterRoundJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);

    /** 24 addresses, 16 in Hillside and 8 in Riverbank. */
    private static String addressList() {
        StringBuilder csv = new StringBuilder("ref,house,street,postcode,ward\n");
        for (int i = 1; i <= 24; i++) {
            csv.append("A").append(i).append(',').append(i).append(",Orchard Way,RV7 ").append(i).append("ZZ,")
                    .append(i <= 16 ? "Hillside" : "Riverbank").append('\n');
        }
        return csv.toString();
    }

    @Test
    void anOfficerSendsLettersAndAResidentRegistersWithTheCode() throws Exception {
        String title = "Allotments " + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        long id = ItSupport.recruitingCycle(base, OFFICER, title, "Where do new allotments go?",
                "The waiting list is four years long", 25000, "Which sites become allotments",
                "Shorter waiting list");
        String workspace = "/officer/cycle.xhtml?id=" + id;
        Path file = Files.createTempFile("addresses", ".csv");
        Files.writeString(file, addressList());

        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP)) {
            officer.signIn("officer", ItSupport.DEMO_PASSWORD);
            officer.open(workspace);
            officer.type("#quotas\\:csv", "feature,value,min,max\nage,under-40,0,2\nage,40-plus,0,2");
            officer.clickAndWait("#quotas\\:save");

            officer.find("#letterList summary").click();
            officer.find("#letterList\\:file").sendKeys(file.toAbsolutePath().toString());
            officer.type("#letterList\\:idColumn", "ref");
            officer.type("#letterList\\:addressColumns", "house, street, postcode");
            officer.type("#letterList\\:areaColumn", "ward");
            officer.screenshots("letters-01-upload", "#h-letters");
            officer.clickAndWait("#letterList\\:uploadList");
            assertTrue(officer.text("#messages").contains("Uploaded 24 addresses"), officer.pageText());
            assertTrue(officer.text("#letterRound").contains("24 lines"), officer.text("#letterRound"));

            officer.type("#letterCommit\\:count", "6");
            officer.type("#letterCommit\\:letterSeed", "allotments-" + System.nanoTime());
            officer.find("#letterCommit\\:byArea").click();
            officer.clickAndWait("#letterCommit\\:commitLetters");
            assertTrue(officer.text("#lettersCommitment").matches("[0-9a-f]{64}"), officer.pageText());
            officer.clickAndWait("#letterDraw\\:drawLetters");
            assertTrue(officer.text("#messages").contains("Drew 6 addresses"), officer.pageText());
            assertTrue(officer.text("#letterResponse").startsWith("6 letters sent, 0 registered"),
                    officer.text("#letterResponse"));
            assertEquals(2, officer.driver().findElements(By.cssSelector("#letterAreas tbody tr")).size());

            officer.find("#volunteering input[value='LETTERS_ONLY']").click();
            officer.clickAndWait("#volunteering\\:saveVolunteering");
            assertTrue(officer.text("#messages").contains("Saved who may volunteer"), officer.pageText());
            officer.screenshots("letters-02-drawn", "#h-letters");
        }

        // The mail house gets the letters (read here through the officers' API, as the download gives them).
        ItSupport.Reply letters = ItSupport.get(base, "/api/v1/cycles/" + id + "/jury/letters.csv", "Authorization",
                OFFICER);
        List<List<String>> rows = Csv.read(new StringReader(letters.body()));
        assertEquals(List.of("ref", "house", "street", "postcode", "ward", "code"), rows.get(0));
        String code = rows.get(1).get(5);

        try (Browser phone = new Browser(base.toString(), Browser.PHONE)) {
            phone.signIn("resident12", ItSupport.DEMO_PASSWORD);
            phone.open("/cycle.xhtml?id=" + id);
            assertTrue(phone.text("#volunteer").contains("Registration code from your invitation letter"),
                    phone.text("#volunteer"));
            phone.select("[id$=':0:answer']", "40-plus");
            phone.type("#volunteer\\:code", "ABCDE-FGHJK");
            phone.find("#volunteer\\:consent").click();
            phone.clickAndWait("#volunteer\\:submit");
            assertTrue(phone.text("#messages").contains("not right"), phone.text("#messages"));
            assertTrue(phone.driver().findElements(By.id("volunteered")).isEmpty(), "nothing recorded");
            phone.screenshots("letters-03-wrong-code", "#volunteer");

            phone.select("[id$=':0:answer']", "40-plus");
            phone.type("#volunteer\\:code", code.toLowerCase());
            if (!phone.find("#volunteer\\:consent").isSelected()) {
                phone.find("#volunteer\\:consent").click();
            }
            phone.clickAndWait("#volunteer\\:submit");
            assertTrue(phone.text("#messages").contains("you are in the pool"), phone.text("#messages"));
            phone.screenshots("letters-04-registered", "#volunteered");
            // The public representativeness report has the response to the letters, overall and by area.
            phone.open("/cycle.xhtml?id=" + id);
            assertTrue(phone.text("#letter-response").startsWith("6 letters sent, 1 registered"),
                    phone.text("#letter-response"));
            assertEquals(2, phone.driver().findElements(By.cssSelector("#letter-response-areas li")).size());
        }

        try (Browser other = new Browser(base.toString(), Browser.PHONE)) {
            other.signIn("resident11", ItSupport.DEMO_PASSWORD);
            other.open("/cycle.xhtml?id=" + id);
            other.select("[id$=':0:answer']", "under-40");
            other.type("#volunteer\\:code", code);
            other.find("#volunteer\\:consent").click();
            other.clickAndWait("#volunteer\\:submit");
            assertTrue(other.text("#messages").contains("used already"), other.text("#messages"));
        }

        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP)) {
            officer.signIn("officer", ItSupport.DEMO_PASSWORD);
            officer.open(workspace);
            assertTrue(officer.text("#letterResponse").startsWith("6 letters sent, 1 registered"),
                    officer.text("#letterResponse"));
            officer.screenshots("letters-05-response", "#h-letters");
        }
    }
}
