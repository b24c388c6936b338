package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every page of the demo, for every kind of visitor, through axe-core (WCAG 2.2 A/AA, serious and critical
 * violations fail the test): the public pages on a phone and a desktop, the resident's ballot, and the officer's,
 * facilitator's and administrator's pages for every demo cycle (and one cycle of each phase the demo has none in), in
 * both languages for the public pages.
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

    /** The cycles whose pages are judged, found once for the class (its tests create no cycle). */
    private static List<Long> cycles;

    /**
     * Every demo cycle, and for each phase no demo cycle is in, one cycle that another test of the run has moved
     * there. A page shows the same template and parts for every cycle in a phase; the other tests' cycles (dozens in a
     * whole run, and a different set depending on which classes ran first) multiplied the pages judged without adding
     * a template or a phase.
     */
    private List<Long> cycles() throws Exception {
        if (cycles != null) {
            return cycles;
        }
        List<Long> ids = new ArrayList<>();
        Set<String> phases = new HashSet<>();
        List<JsonObject> others = new ArrayList<>();
        for (JsonObject c : ItSupport.get(base, "/api/v1/cycles").array().getValuesAs(JsonObject.class)) {
            long id = c.getJsonNumber("id").longValue();
            if (ItSupport.get(base, "/api/v1/cycles/" + id).json().getBoolean("demo")) {
                ids.add(id);
                phases.add(c.getString("phase"));
            } else {
                others.add(c);
            }
        }
        assertFalse(ids.isEmpty(), "the demo has published cycles");
        for (JsonObject c : others) {
            if (phases.add(c.getString("phase"))) {
                ids.add(c.getJsonNumber("id").longValue());
            }
        }
        cycles = List.copyOf(ids);
        return cycles;
    }

    private void signIn(Browser b, String user) {
        b.open("/login.xhtml");
        b.type("#login\\:username", user);
        b.type("#login\\:password", ItSupport.DEMO_PASSWORD);
        b.clickAndWait("#login\\:submit");
    }

    /**
     * The public pages, each loaded once and judged on a phone, then (the same page, the window made wider) on a
     * desktop: the page is not loaded a second time for the second size.
     */
    @Test
    void publicPagesOnAPhoneAndADesktop() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", "/audit.xhtml", "/login.xhtml", "/register.xhtml",
                "/receipt.xhtml"));
        for (long id : cycles()) {
            paths.addAll(List.of("/cycle.xhtml?id=" + id, "/engagement.xhtml?id=" + id, "/evidence.xhtml?id=" + id,
                    "/outcomes.xhtml?cycle=" + id, "/proposals.xhtml?id=" + id));
            for (JsonObject p : ItSupport.get(base, "/api/v1/cycles/" + id + "/proposals").array()
                    .getValuesAs(JsonObject.class)) {
                paths.add("/proposal.xhtml?id=" + p.getJsonNumber("id").longValue());
            }
        }
        paths.add("/evidence.xhtml?id=" + ItSupport.cycleInPhase(base, "CLOSED") + "&q=trees");
        paths.add("/no-such-page.xhtml");
        try (Browser b = new Browser(base.toString(), Browser.PHONE)) {
            for (String path : paths) {
                b.resize(Browser.PHONE);
                b.open(path);
                b.resize(Browser.DESKTOP);
                b.checkAccessibility();
            }
            assertEquals(List.of(), b.accessibilityProblems());
        }
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
