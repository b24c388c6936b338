package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * A resident on a phone 320 px wide, from proposing to their proposal's fate: in a cycle open to verified residents
 * only, proposing before verifying is refused on the page with the reason and a link to verify, and nothing is stored;
 * once verified, the proposal is taken. Then, in the demo's completed cycle, the resident whose idea became option B
 * reads their notices (counted, answered, being delivered) and the proposal's page: funded by the vote, adopted with
 * changes by the council with its reasons, how delivery is going; and another resident's idea that the vote did not
 * fund, with the count's reason; in English and in Spanish.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class ProposalFateJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final Dimension NARROW = new Dimension(320, 720);
    private static final String PASSWORD = "proposal-journey-password";

    private static void fits(Browser b) {
        Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling at 320 px: " + overflow);
    }

    @Test
    void onlyAVerifiedResidentProposesAndTheRefusalSaysWhy() throws Exception {
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        long cycle = ItSupport.recruitingCycle(base, officer, "Verified ideas " + System.nanoTime(),
                "Which residents' ideas should we fund?", "Ideas first.", 40_000, "Which ideas are funded",
                "Ideas delivered within a year");
        assertEquals(200, ItSupport.put(base, "/api/v1/cycles/" + cycle + "/proposals/settings",
                "{\"accepting\":true,\"districts\":\"Old Town\\nMill Quarter\"}", "Authorization", officer).status());
        assertEquals(200, ItSupport.put(base, "/api/v1/cycles/" + cycle + "/electorate", "{\"minAge\":16,"
                + "\"districts\":\"Old Town\\nMill Quarter\",\"census\":true,\"code\":false,\"inPerson\":true}",
                "Authorization", officer).status());
        String user = ItSupport.registerResident(base, "pj", PASSWORD);
        try (Browser phone = new Browser(base.toString(), NARROW)) {
            phone.signIn(user, PASSWORD);
            phone.open("/proposals.xhtml?id=" + cycle);
            assertTrue(phone.text("#proposals-eligibility").contains("Verified residents of Old Town, Mill Quarter"),
                    phone.text("#proposals-eligibility"));
            phone.type("#propose\\:title", "Swings in the Mill Quarter park");
            phone.type("#propose\\:description", "The old swings were taken away.");
            phone.select("#propose\\:district", "Mill Quarter");
            phone.type("#propose\\:cost", "6000");
            phone.clickAndWait("#propose\\:submit");
            assertTrue(phone.text("#messages").contains("Only verified residents of the electorate of this cycle may"
                    + " vote, propose and support proposals here."), phone.text("#messages"));
            assertTrue(phone.pageText().contains("No proposals yet."), "nothing stored");
            assertTrue(phone.find("#verify-link").isDisplayed(), "the way to verify is at hand");
            fits(phone);
            phone.screenshot("proposals-phone-not-verified");

            // In person at the council office, then the same proposal is taken.
            assertEquals(201, ItSupport.postJson(base, "/api/v1/cycles/" + cycle + "/electorate/in-person",
                    "{\"username\":\"" + user + "\",\"district\":\"Mill Quarter\"}", "Authorization", officer)
                    .status());
            phone.open("/proposals.xhtml?id=" + cycle);
            phone.type("#propose\\:title", "Swings in the Mill Quarter park");
            phone.type("#propose\\:description", "The old swings were taken away.");
            phone.select("#propose\\:district", "Mill Quarter");
            phone.type("#propose\\:cost", "6000");
            phone.find("#propose\\:mail").click();
            phone.clickAndWait("#propose\\:submit");
            assertTrue(phone.text("#messages").contains("Your proposal was submitted."), phone.text("#messages"));
            assertTrue(phone.pageText().contains("Swings in the Mill Quarter park"), phone.pageText());
            fits(phone);

            // On the proposal's page its author changes their e-mail choice (only the author sees the form).
            long swings = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/proposals").array()
                    .getJsonObject(0).getJsonNumber("id").longValue();
            phone.open("/proposal.xhtml?id=" + swings);
            assertTrue(phone.find("#mail\\:updates").isSelected(), "ticked when proposing");
            phone.find("#mail\\:updates").click();
            phone.clickAndWait("#mail\\:save");
            assertTrue(phone.text("#messages").contains("You will no longer be e-mailed about this proposal"),
                    phone.text("#messages"));
            assertFalse(phone.find("#mail\\:updates").isSelected(), "the new choice is shown");
            fits(phone);
            phone.screenshotsInBothLanguages("proposal-mail-choice", "#h-mail");
        }
        try (Browser anyone = new Browser(base.toString(), NARROW)) {
            long swings = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/proposals").array()
                    .getJsonObject(0).getJsonNumber("id").longValue();
            anyone.open("/proposal.xhtml?id=" + swings);
            assertFalse(anyone.pageText().contains("E-mails about this proposal"),
                    "nobody else sees the author's e-mail choice");
        }
    }

    @Test
    void aProposerReadsWhatBecameOfTheirIdeaFundedOrNotInEnglishAndSpanish() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Greener streets 2026");
        JsonObject[] ideas = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/proposals?size=100").array()
                .getValuesAs(JsonObject.class).toArray(JsonObject[]::new);
        long trees = 0;
        long hangars = 0;
        for (JsonObject p : ideas) {
            if (p.getString("title").equals("Street trees")) {
                trees = p.getJsonNumber("id").longValue();
            } else if (p.getString("title").equals("Cycle hangars")) {
                hangars = p.getJsonNumber("id").longValue();
            }
        }
        String user = "resident04";
        String kept = ItSupport.keptLanguage(user, null);
        try (Browser phone = new Browser(base.toString(), NARROW)) {
            phone.signIn(user, ItSupport.DEMO_PASSWORD);
            phone.open("/proposals.xhtml?id=" + cycle);
            String notices = phone.text("#notices");
            assertTrue(notices.contains("The votes were counted: your proposal " + trees + " is among the options the"
                    + " vote recommends the council to fund."), notices);
            assertTrue(notices.contains("The council published its answer: it takes up your proposal " + trees),
                    notices);
            assertTrue(notices.contains("The council reported how the delivery of your proposal " + trees),
                    notices);
            fits(phone);

            phone.open("/proposal.xhtml?id=" + trees);
            assertEquals("Became an option", phone.text("#proposal-status"));
            assertEquals("the votes were counted: the vote recommends funding it.", phone.text("#vote-result"));
            assertEquals("the council adopted it with changes.", phone.text("#decision-result"));
            assertTrue(phone.text("#decision-why").startsWith("The council's reasons: "), phone.text("#decision-why"));
            assertTrue(phone.text("#fate-delivery").contains("On track, 55% done"), phone.text("#fate-delivery"));
            fits(phone);
        }
        // The fate is public: read in both languages signed out (so the account keeps its language).
        try (Browser anyone = new Browser(base.toString(), NARROW)) {
            anyone.open("/proposal.xhtml?id=" + trees);
            anyone.screenshotsInBothLanguages("proposals-04-funded", "#h-fate");
            anyone.open("/proposal.xhtml?id=" + hangars);
            assertTrue(anyone.text("#vote-result").contains("it was not funded within the budget"),
                    anyone.text("#vote-result"));
            String why = anyone.text("#vote-why");
            assertTrue(why.startsWith("Why: ") && why.length() > 20, why);
            fits(anyone);
            anyone.clickAndWait("#langForm a[lang='es']");
            assertTrue(anyone.text("#vote-result").contains("no se financió con el presupuesto"),
                    anyone.text("#vote-result"));
            String porQue = anyone.text("#vote-why");
            assertTrue(porQue.startsWith("Por qué: ") && !porQue.substring(9).equals(why.substring(5)), porQue);
            fits(anyone);
            anyone.screenshots("proposals-05-not-funded-es", "#h-fate");
            anyone.open("/proposal.xhtml?id=" + trees);
            assertEquals("se contaron los votos: la votación recomienda financiarla.", anyone.text("#vote-result"));
            assertEquals("el ayuntamiento la adoptó con cambios.", anyone.text("#decision-result"));
            assertTrue(anyone.text("#fate-delivery").contains("55 % hecho"), anyone.text("#fate-delivery"));
            fits(anyone);
        }
        // The proposer's notices in Spanish (the account's language set aside for the test, then put back).
        ItSupport.keptLanguage(user, "es");
        try (Browser phone = new Browser(base.toString(), NARROW)) {
            phone.signIn(user, ItSupport.DEMO_PASSWORD);
            phone.open("/proposals.xhtml?id=" + cycle);
            assertTrue(phone.text("#notices").contains("El ayuntamiento publicó su respuesta: asume su propuesta "
                    + trees), phone.text("#notices"));
            assertTrue(phone.text("#notices").contains("Se contaron los votos: su propuesta " + trees),
                    phone.text("#notices"));
            fits(phone);
        } finally {
            ItSupport.keptLanguage(user, kept);
        }
    }
}
