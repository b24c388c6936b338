package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;

/**
 * A resident on a phone 320 px wide proposes an idea (a missing title is refused with the reason, nothing stored),
 * an officer assesses it on the assessment desk and makes it an option of the vote, and the resident reads its fate
 * on the proposal page and in their notices, in English and in Spanish.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class ProposalJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static void fits(Browser b) {
        Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling at 320 px: " + overflow);
    }

    @Test
    void aResidentsIdeaBecomesAnOptionAndTheyCanSeeIt() throws Exception {
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        long cycle = ItSupport.recruitingCycle(base, officer, "Proposals journey " + System.nanoTime(),
                "Which residents' ideas should we fund?", "Ideas first.", 40_000, "Which ideas are funded",
                "Ideas delivered within a year");
        assertEquals(200, ItSupport.put(base, "/api/v1/cycles/" + cycle + "/proposals/settings",
                "{\"accepting\":true,\"districts\":\"Old Town\\nMill Quarter\"}", "Authorization", officer).status());
        String user = "resident13";
        String kept = ItSupport.keptLanguage(user, null);
        try (Browser phone = new Browser(base.toString(), new Dimension(320, 720))) {
            phone.signIn(user, ItSupport.DEMO_PASSWORD);
            phone.open("/proposals.xhtml?id=" + cycle);
            assertTrue(phone.text("#proposals-state").contains("taking proposals"), phone.text("#proposals-state"));
            fits(phone);
            phone.type("#propose\\:description", "Plant fruit trees along the canal.");
            phone.type("#propose\\:cost", "7,500");
            phone.clickAndWait("#propose\\:submit");
            assertTrue(phone.text("#messages").contains("Give your proposal a title"), phone.text("#messages"));
            assertTrue(phone.pageText().contains("No proposals yet."), "nothing stored");
            phone.type("#propose\\:title", "Fruit trees by the canal");
            phone.select("#propose\\:district", "Mill Quarter");
            // a photo from the phone, with its position in EXIF: without a description it is refused, nothing stored
            java.nio.file.Path photo = java.nio.file.Files.createTempFile("canal", ".jpg");
            java.nio.file.Files.write(photo, org.civicloop.proposal.PhotoImageTest.jpegWithExif(
                    org.civicloop.proposal.PhotoImageTest.image("jpeg", 1200, 900), 1));
            phone.find("#propose\\:photo").sendKeys(photo.toAbsolutePath().toString());
            phone.clickAndWait("#propose\\:submit");
            assertTrue(phone.text("#messages").contains("Describe the photo"), phone.text("#messages"));
            assertTrue(phone.pageText().contains("No proposals yet."), "nothing stored");
            phone.find("#propose\\:photo").sendKeys(photo.toAbsolutePath().toString());
            phone.type("#propose\\:photoAlt", "The canal towpath with bare grass where trees could go");
            phone.clickAndWait("#propose\\:submit");
            assertTrue(phone.text("#messages").contains("Your proposal was submitted."), phone.text("#messages"));
            assertTrue(phone.pageText().contains("Fruit trees by the canal"), phone.pageText());
            org.openqa.selenium.WebElement thumb = phone.find(".proposal-thumb");
            assertEquals("The canal towpath with bare grass where trees could go", thumb.getAttribute("alt"));
            assertEquals("lazy", thumb.getAttribute("loading"));
            assertTrue(thumb.getSize().getWidth() <= 320, "the thumbnail fits the phone: " + thumb.getSize());
            fits(phone);
            phone.screenshot("proposals-phone-submitted");
            java.nio.file.Files.delete(photo);

            JsonObject p = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/proposals").array().getJsonObject(0);
            long id = p.getJsonNumber("id").longValue();
            assertEquals(7500, p.getJsonNumber("roughCost").longValue());
            assertEquals("Mill Quarter", p.getString("district"));

            try (Browser desk = new Browser(base.toString(), Browser.DESKTOP)) {
                desk.signIn("officer", ItSupport.DEMO_PASSWORD);
                desk.open("/officer/proposals.xhtml?id=" + cycle);
                String s = "#desk-" + id + " ";
                desk.find(s + "input[value='yes']").click();
                desk.type(s + "input[id$=':estimate']", "8200");
                desk.type(s + "input[id$=':service']", "Parks and open spaces");
                desk.clickAndWait(s + "input[id$=':assess']");
                assertTrue(desk.text("#messages").contains("The assessment was saved"), desk.text("#messages"));
                assertTrue(desk.text(s + ".badge").contains("Feasible"), "the desk shows the change at once");
                desk.type(s + "input[id$=':code']", "FRUIT");
                desk.clickAndWait(s + "input[id$=':select']");
                assertTrue(desk.text("#messages").contains("now an option of the vote"), desk.text("#messages"));
                desk.screenshot("proposals-assessment-desk");
            }

            phone.open("/proposal.xhtml?id=" + id);
            assertEquals("Became an option", phone.text("#proposal-status"));
            assertTrue(phone.text("#option-code").contains("FRUIT"), phone.text("#option-code"));
            assertTrue(phone.text("#fate").contains("Parks and open spaces"), phone.text("#fate"));
            assertTrue(phone.text("#fate").contains("the vote has not opened yet"), phone.text("#fate"));
            fits(phone);
            phone.open("/proposals.xhtml?id=" + cycle);
            assertTrue(phone.text("#notices").contains("became an option of the vote"), phone.text("#notices"));
            // finding it: capitals and accents do not matter, words start words, by district
            phone.type("#q", "FRÚIT canal");
            phone.select("#find-district", "Mill Quarter");
            phone.clickAndWait("#find-go");
            assertTrue(phone.text("#find-count").contains("1 proposal matches."), phone.text("#find-count"));
            assertTrue(phone.pageText().contains("Fruit trees by the canal"));
            phone.select("#find-district", "Old Town");
            phone.clickAndWait("#find-go");
            assertTrue(phone.text("#find-count").contains("No proposal matches."), phone.text("#find-count"));
            fits(phone);
            // commenting on it: escaped, credited to "the proposer" only
            phone.open("/proposal.xhtml?id=" + id);
            phone.clickAndWait("#comment\\:post");
            assertTrue(phone.text("#messages").contains("Write a comment of 1 to 2000 characters"),
                    phone.text("#messages"));
            phone.type("#comment\\:text", "I will water them <b>every</b> week.");
            phone.clickAndWait("#comment\\:post");
            assertTrue(phone.text("#messages").contains("Your comment was posted."), phone.text("#messages"));
            assertTrue(phone.text("#comments").contains("The proposer"), phone.text("#comments"));
            assertTrue(phone.text("#comments").contains("I will water them <b>every</b> week."), "shown as typed");
            fits(phone);
            phone.screenshot("proposal-comments-phone");
            // In Spanish (chosen while signed out, so the account keeps its language and its audit entry holds)
            try (Browser anyone = new Browser(base.toString(), new Dimension(320, 720))) {
                anyone.open("/proposal.xhtml?id=" + id);
                anyone.clickAndWait("[lang='es']");
                assertEquals("Es una opción", anyone.text("#proposal-status"));
                assertTrue(anyone.text("#fate").contains("Servicio que la realiza"), anyone.text("#fate"));
                assertTrue(anyone.text("#comments").contains("Comentarios (1)"), anyone.text("#comments"));
                assertTrue(anyone.text("#comments").contains("Quien hizo la propuesta"), anyone.text("#comments"));
                anyone.open("/proposals.xhtml?id=" + cycle + "&q=fruit");
                assertTrue(anyone.text("#find-count").contains("1 propuesta coincide."), anyone.text("#find-count"));
                anyone.open("/proposals.xhtml?id=" + cycle + "&sort=oldest");
                assertTrue(anyone.text("#find-error").contains("Ordene las propuestas"), anyone.text("#find-error"));
                fits(anyone);
                anyone.screenshot("proposal-fate-phone-es");
            }
        } finally {
            ItSupport.keptLanguage(user, kept);
        }
    }
}
