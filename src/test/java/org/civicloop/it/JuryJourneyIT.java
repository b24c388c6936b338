package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The jury from pool to report in a real browser, on one new recruiting cycle: the officer sets the categories and
 * quotas, imports a letter round's people file (names and addresses besides the categories), commits the seed, draws
 * the jury (off the request), records a decline and draws a replacement in the same category, records acceptances
 * and attendance, and the public representativeness report shows the table and its chart. Screenshots at each step
 * (target/screenshots), axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class JuryJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);

    /** Precondition, not the journey: a cycle launched through the API, now recruiting. */
    private long recruitingCycle(String title) throws Exception {
        return ItSupport.recruitingCycle(base, OFFICER, title, "Which streets get trees?",
                "Shade and cleaner air on the busiest walking routes", 40000, "Which streets get trees",
                "More shade on walking routes");
    }

    /** A letter round's file: 12 people, six in each age band; 1-3 share an address, as do 7 and 8. */
    private static String peopleFile() {
        StringBuilder csv = new StringBuilder("id,first_name,last_name,address,postcode,age\n");
        for (int i = 1; i <= 12; i++) {
            String address = i <= 3 ? "2 Ash Grove" : i == 7 || i == 8 ? "\"15 Beech Road, Flat 2\"" : i + " Cedar Way";
            String postcode = i <= 3 ? "RV1 3AA" : i == 7 || i == 8 ? "RV2 1BB" : "RV3 " + i + "CC";
            csv.append("T").append(i).append(",Name").append(i).append(",Family").append(i).append(',').append(address)
                    .append(',').append(postcode).append(',').append(i % 2 == 0 ? "under-40" : "40-plus").append('\n');
        }
        return csv.toString();
    }

    private static String ageOf(long volunteerId) throws Exception {
        try (java.sql.Connection c = ItSupport.connect();
             var ps = c.prepareStatement("SELECT feature_value FROM volunteer_answer WHERE volunteer_id = ?"
                     + " AND feature = 'age'")) {
            ps.setLong(1, volunteerId);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), "answer of " + volunteerId);
                return rs.getString(1);
            }
        }
    }

    @Test
    void quotasPoolDrawDeclineReplacementAttendanceAndReport() throws Exception {
        String title = "Street trees " + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        long id = recruitingCycle(title);
        String workspace = "/officer/cycle.xhtml?id=" + id;
        Path file = Files.createTempFile("letter-round", ".csv");
        Files.writeString(file, peopleFile());

        try (Browser officer = new Browser(base.toString(), Browser.DESKTOP)) {
            officer.signIn("officer", ItSupport.DEMO_PASSWORD);
            officer.open(workspace);

            // Categories and quotas: exactly two jurors from each age band.
            officer.type("#quotas\\:csv", "feature,value,min,max\nage,under-40,2,2\nage,40-plus,2,2");
            officer.clickAndWait("#quotas\\:save");
            assertTrue(officer.text("#messages").contains("Categories and quotas saved"), officer.pageText());

            // The letter round's people file, with the address columns for the household rule.
            assertTrue(!officer.driver().findElements(By.id("pool")).isEmpty(), officer.driver().getPageSource());
            officer.find("#pool summary").click();
            officer.find("#pool\\:file").sendKeys(file.toAbsolutePath().toString());
            officer.type("#pool\\:addressColumns", "address,postcode");
            officer.screenshots("jury-01-import", "#h-jury");
            officer.clickAndWait("#pool\\:importPool");
            assertTrue(officer.text("#messages").contains("Imported 12 people"), officer.pageText());
            assertTrue(officer.text("#imported").contains("address,postcode"), officer.text("#imported"));
            assertTrue(officer.find("#household\\:onePerHousehold").isSelected(), "the household rule is on by default");

            // Commit the seed (only its hash is shown), then draw: the page follows the draw until it is done.
            officer.type("#commit\\:size", "4");
            officer.type("#commit\\:seed", "trees-" + System.nanoTime());
            officer.clickAndWait("#commit\\:commitDraw");
            assertTrue(officer.text("#commitment").matches("[0-9a-f]{64}"), officer.pageText());
            officer.clickAndWait("#draw\\:drawJury");
            if (!officer.driver().findElements(By.id("drawing")).isEmpty()) {
                officer.screenshot("jury-02-drawing-desktop");
            }
            officer.await(d -> !d.findElements(By.id("seed")).isEmpty());
            officer.checkAccessibility();
            assertEquals(4, officer.driver().findElements(By.cssSelector("#invited tbody tr")).size(),
                    officer.pageText());
            officer.screenshots("jury-03-drawn", "#h-jury");

            // The first invitee declines; the replacement comes from the same age band (the quotas are exact).
            String firstRow = officer.find("#invited tbody tr").getAttribute("id");
            long declined = Long.parseLong(firstRow.substring("invitee-".length()));
            officer.clickAndWait("[id$=':0:decline']");
            assertTrue(officer.text("#messages").length() > 0, officer.pageText());
            officer.clickAndWait("[id$=':0:replace']");
            assertTrue(officer.text("#messages").contains("replacement"), officer.pageText());
            JsonObject jury = ItSupport.get(base, "/api/v1/cycles/" + id + "/jury").json();
            JsonObject replacement = jury.getJsonArray("replacements").getJsonObject(0);
            assertEquals(Long.toString(declined), replacement.getString("declined"));
            assertEquals(ageOf(declined), ageOf(Long.parseLong(replacement.getString("replacement"))),
                    "replaced within the same category");
            officer.screenshots("jury-04-replaced", "#h-jury");

            // Everyone on the jury accepts; one attends the first session.
            while (!officer.driver().findElements(By.cssSelector("[id$=':accept']")).isEmpty()) {
                officer.clickAndWait("[id$=':accept']");
            }
            officer.clickAndWait("[id$=':attend']");
            assertTrue(officer.text("#invited").contains("Accepted · attended"), officer.text("#invited"));
        }

        // The representativeness report, public: the table and its chart, per category.
        try (Browser visitor = new Browser(base.toString(), Browser.DESKTOP)) {
            visitor.open("/cycle.xhtml?id=" + id);
            List<org.openqa.selenium.WebElement> rows = visitor.driver().findElements(
                    By.cssSelector("#representation tbody tr"));
            assertEquals(2, rows.size(), visitor.pageText());
            int attended = 0;
            for (org.openqa.selenium.WebElement row : rows) {
                List<String> cells = row.findElements(By.tagName("td")).stream()
                        .map(org.openqa.selenium.WebElement::getText).toList();
                assertEquals("2–2", cells.get(1), "the quota: " + cells);
                assertEquals("6", cells.get(2), "in the pool: " + cells);
                assertEquals("2", cells.get(6), "on the jury: " + cells);
                attended += Integer.parseInt(cells.get(5));
            }
            assertEquals(1, attended);
            assertEquals(2, visitor.driver().findElements(By.cssSelector("#representation svg.quota-chart")).size(),
                    "one chart bar per category");
            assertTrue(!visitor.pageText().contains("Name1") && !visitor.pageText().contains("Ash Grove"),
                    "no personal data on the public page");
            assertTrue(visitor.text("#repeat-participants").startsWith("0 of 12 volunteers and 0 of 4"),
                    "people imported without an account are not counted as earlier participants: "
                    + visitor.text("#repeat-participants"));
            visitor.screenshots("jury-05-report", "#representation");
        }
    }
}
