package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
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
 * Every page of the demo, for every kind of visitor, through axe-core (WCAG 2.2 A/AA, serious and critical
 * violations fail the test): the public pages on a phone and a desktop, the resident's ballot, and the officer's,
 * facilitator's and administrator's pages for every demo cycle, in both languages for the public pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class AccessibilityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private List<Long> cycles() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (JsonObject c : ItSupport.get(base, "/api/v1/cycles").array().getValuesAs(JsonObject.class)) {
            ids.add(c.getJsonNumber("id").longValue());
        }
        assertFalse(ids.isEmpty(), "the demo has published cycles");
        return ids;
    }

    private void signIn(Browser b, String user) {
        b.open("/login.xhtml");
        b.type("#login\\:username", user);
        b.type("#login\\:password", ItSupport.DEMO_PASSWORD);
        b.clickAndWait("#login\\:submit");
    }

    private void publicPages(Dimension size) throws Exception {
        try (Browser b = new Browser(base.toString(), size)) {
            for (String path : List.of("/", "/audit.xhtml", "/login.xhtml", "/register.xhtml", "/receipt.xhtml")) {
                b.open(path);
            }
            for (long id : cycles()) {
                b.open("/cycle.xhtml?id=" + id);
                b.open("/engagement.xhtml?id=" + id);
                b.open("/evidence.xhtml?id=" + id);
                b.open("/outcomes.xhtml?cycle=" + id);
                b.open("/proposals.xhtml?id=" + id);
                for (JsonObject p : ItSupport.get(base, "/api/v1/cycles/" + id + "/proposals").array()
                        .getValuesAs(JsonObject.class)) {
                    b.open("/proposal.xhtml?id=" + p.getJsonNumber("id").longValue());
                }
            }
            b.open("/evidence.xhtml?id=" + ItSupport.cycleInPhase(base, "CLOSED") + "&q=trees");
            b.open("/no-such-page.xhtml");
            assertEquals(List.of(), b.accessibilityProblems());
        }
    }

    @Test
    void publicPagesOnAPhone() throws Exception {
        publicPages(Browser.PHONE);
    }

    @Test
    void publicPagesOnADesktop() throws Exception {
        publicPages(Browser.DESKTOP);
    }

    @Test
    void publicPagesInSpanish() throws Exception {
        try (Browser b = new Browser(base.toString(), Browser.PHONE)) {
            b.open("/");
            b.find("a[lang='es']").click();
            for (long id : cycles()) {
                b.open("/cycle.xhtml?id=" + id);
                b.open("/proposals.xhtml?id=" + id);
            }
            assertEquals(List.of(), b.accessibilityProblems());
        }
    }

    @Test
    void staffPagesForEveryCycle() throws Exception {
        try (Browser b = new Browser(base.toString(), Browser.DESKTOP)) {
            signIn(b, "demo-admin");
            b.open("/officer/cycles.xhtml");
            b.open("/admin/accounts.xhtml");
            b.open("/facilitator/index.xhtml");
            for (long id : cycles()) {
                b.open("/officer/cycle.xhtml?id=" + id);
                b.open("/officer/evidence.xhtml?id=" + id);
                b.open("/officer/measure.xhtml?id=" + id);
                b.open("/officer/proposals.xhtml?id=" + id);
                b.open("/officer/electorate.xhtml?id=" + id);
                b.open("/facilitator/console.xhtml?id=" + id);
                b.open("/facilitator/evidence.xhtml?id=" + id);
            }
            assertEquals(List.of(), b.accessibilityProblems());
        }
    }

    @Test
    void theBallotOnAPhone() throws Exception {
        try (Browser b = new Browser(base.toString(), Browser.PHONE)) {
            signIn(b, "resident02");
            b.open("/account/vote.xhtml?id=" + ItSupport.cycleInPhase(base, "VOTE"));
            b.open("/account/verify.xhtml?id=" + ItSupport.cycleTitled(base, "Neighbourhood ideas 2027"));
            assertEquals(List.of(), b.accessibilityProblems());
        }
    }
}
