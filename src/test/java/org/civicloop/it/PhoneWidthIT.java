package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Residents on a phone: every page of the application (the public pages, and the signed-in pages of the resident,
 * the juror, the facilitator, the officer and the administrator, with the demo's real cycles, sessions and evidence)
 * fits a screen 390 and 320 px wide: the page never scrolls sideways ({@code document.documentElement.scrollWidth <=
 * window.innerWidth}); wide tables reflow or scroll inside their own labelled region (WCAG 2.2 1.4.10 Reflow). The
 * list of pages comes from the webapp folder, so a new page is either visited here or excluded with a reason. One
 * browser per visitor; each page is loaded once (at the width the page before ended at) and looked at at both
 * widths; a screenshot of each is kept under target/screenshots (width-&lt;visitor&gt;-&lt;page&gt;-&lt;width&gt;.png).
 * One failure names every page that does not fit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class PhoneWidthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    /** The two phone widths judged: a common large phone, then the smallest in use (WCAG's 320 CSS px). */
    private static final List<Dimension> WIDTHS = List.of(new Dimension(390, 844), new Dimension(320, 640));

    /** Pages that cannot be visited as pages of their own, and why. None today: say why when adding one. */
    private static final Map<String, String> EXCLUDED = Map.of();

    /**
     * For a page that does not fit: its width and the element sticking out furthest (the innermost one when a
     * container sticks out with it), as a short CSS path; also when html or body hides sideways overflow (that
     * would cut content off instead of fitting it). Answers null when the page fits.
     */
    private static final String MEASURE = """
            const w = window.innerWidth, doc = document.documentElement;
            const clips = e => ['hidden', 'clip'].includes(getComputedStyle(e).overflowX);
            if (clips(doc) || clips(document.body)) { return 'html or body hides sideways overflow'; }
            if (doc.scrollWidth <= w) { return null; }
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim()
                    ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
            const path = e => { const parts = []; let a = e;
                for (; a && a !== document.body && parts.length < 3; a = a.parentElement) { parts.unshift(name(a)); }
                let named = a; while (named && named !== document.body && !named.id) { named = named.parentElement; }
                return (named && named !== document.body ? name(named) + (named === a ? ' > ' : ' … ') : '')
                    + parts.join(' > '); };
            const style = e => getComputedStyle(e);
            const containingBlock = e => { let p = e.parentElement;
                while (p && p !== document.body && style(p).position === 'static' && style(p).transform === 'none') {
                    p = p.parentElement; } return p; };
            // Whether a scrolling (or clipping) ancestor s keeps e inside it: a positioned element whose
            // containing block lies outside s escapes it (and widens the page although s scrolls).
            const keptIn = (e, s) => { for (let x = e; x && x !== s; ) { const pos = style(x).position;
                if (pos === 'fixed') { return false; }
                if (pos === 'absolute') { const p = containingBlock(x); if (p !== s && !s.contains(p)) { return false; }
                    x = p; } else { x = x.parentElement; } } return true; };
            const inScroller = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                if (style(a).overflowX !== 'visible' && keptIn(e, a)) { return true; } } return false; };
            let best = null, right = 0;
            for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                const edge = r.right + window.scrollX;
                if (r.width === 0 || edge <= w + 0.5 || inScroller(e)) { continue; }
                if (best === null || edge > right + 0.5 || (edge > right - 0.5 && best.contains(e))) {
                    best = e; right = edge;
                }
            }
            return doc.scrollWidth + ' px wide' + (best ? ', widest: ' + path(best) + ' (right edge '
                + Math.round(right) + ' px)' : '');
            """;

    /** A page to look at: the view (its file under src/main/webapp), the address opened, and a name for its screenshot. */
    private record Visit(String view, String path, String name) {
        Visit(String view, String path) {
            this(view, path, path.replaceAll("^/", "").replace(".xhtml", "").replaceAll("[^A-Za-z0-9]+", "-")
                    .replaceAll("-+$", ""));
        }
    }

    private final List<String> offenders = new ArrayList<>();
    private final Set<String> visited = new TreeSet<>();

    private static Visit page(String view, String query) {
        return new Visit(view, view + query);
    }

    /** Every .xhtml page under src/main/webapp (not the templates and includes under WEB-INF). */
    private static Set<String> views() throws Exception {
        Path root = Path.of("src", "main", "webapp");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/" + root.relativize(p).toString().replace('\\', '/'))
                    .filter(v -> !v.startsWith("/WEB-INF/") && !v.startsWith("/resources/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The demo's published cycles (cycles other tests open and move on are left out: they add nothing new). */
    private List<Long> demoCycles() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (JsonObject c : ItSupport.get(base, "/api/v1/cycles").array().getValuesAs(JsonObject.class)) {
            long id = c.getJsonNumber("id").longValue();
            if (ItSupport.get(base, "/api/v1/cycles/" + id).json().getBoolean("demo")) {
                ids.add(id);
            }
        }
        assertFalse(ids.isEmpty(), "the demo has published cycles");
        return ids;
    }

    private static List<List<String>> rows(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = ItSupport.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void everyPageFitsAPhoneForEveryVisitor() throws Exception {
        List<Long> cycles = demoCycles();
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        long voting = ItSupport.cycleInPhase(base, "VOTE");
        String ids = cycles.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<List<String>> sessions = rows("SELECT id, join_code, screen_key, cycle_id FROM jury_session"
                + " WHERE cycle_id IN (" + ids + ") ORDER BY id");
        assertFalse(sessions.isEmpty(), "the demo has jury sessions");
        String item = rows("SELECT MIN(v.item_id) FROM evidence_pack_entry e JOIN evidence_pack p ON p.id = e.pack_id"
                + " JOIN evidence_item_version v ON v.id = e.version_id WHERE p.cycle_id = " + closed
                + " AND p.status = 'PUBLISHED'").get(0).get(0);
        String votingCode = sessions.stream().filter(s -> s.get(3).equals(String.valueOf(voting))).findFirst()
                .orElseThrow().get(1);

        // Who sees what: "anyone" is not signed in, the others are demo accounts (README).
        Map<String, List<Visit>> plan = new LinkedHashMap<>();
        List<Visit> anyone = new ArrayList<>(List.of(page("/index.xhtml", ""), page("/audit.xhtml", ""),
                page("/engagement.xhtml", ""), page("/login.xhtml", ""), page("/register.xhtml", ""),
                page("/receipt.xhtml", ""), page("/expired.xhtml", ""), new Visit("/error.xhtml", "/no-such-page.xhtml"),
                page("/evidence-history.xhtml", "?item=" + item)));
        for (long id : cycles) {
            anyone.addAll(List.of(page("/cycle.xhtml", "?id=" + id), page("/evidence.xhtml", "?id=" + id),
                    page("/outcomes.xhtml", "?cycle=" + id), page("/report.xhtml", "?cycle=" + id),
                    page("/discuss.xhtml", "?id=" + id), page("/proposals.xhtml", "?id=" + id)));
        }
        for (List<String> p : rows("SELECT id FROM proposal WHERE cycle_id IN (" + ids + ") ORDER BY id")) {
            anyone.add(new Visit("/proposal.xhtml", "/proposal.xhtml?id=" + p.get(0), "proposal-" + p.get(0)));
        }
        for (List<String> s : sessions) {
            anyone.add(new Visit("/live/screen.xhtml", "/live/screen.xhtml?key=" + s.get(2), "live-screen-" + s.get(0)));
        }
        plan.put("anyone", anyone);
        long ideas = ItSupport.cycleTitled(base, "Neighbourhood ideas 2027");
        plan.put("resident", List.of(page("/index.xhtml", ""), page("/account/vote.xhtml", "?id=" + voting),
                page("/account/vote.xhtml", "?id=" + ideas + "&budget=old-town"),
                page("/account/verify.xhtml", "?id=" + ideas),
                page("/account/opinions.xhtml", "?id=" + voting), page("/account/notifications.xhtml", ""),
                page("/account/live.xhtml", "")));
        plan.put("juror", List.of(page("/account/vote.xhtml", "?id=" + voting),
                page("/account/opinions.xhtml", "?id=" + voting), page("/discuss.xhtml", "?id=" + voting),
                page("/account/live.xhtml", "?code=" + votingCode)));
        List<Visit> facilitator = new ArrayList<>(List.of(page("/index.xhtml", ""),
                page("/facilitator/index.xhtml", "")));
        for (long id : cycles) {
            facilitator.addAll(List.of(page("/facilitator/console.xhtml", "?id=" + id),
                    page("/facilitator/evidence.xhtml", "?id=" + id)));
        }
        for (List<String> s : sessions) {
            facilitator.add(page("/facilitator/session.xhtml", "?id=" + s.get(0)));
        }
        plan.put("facilitator", facilitator);
        List<Visit> officer = new ArrayList<>(List.of(page("/officer/cycles.xhtml", ""),
                page("/officer/feedback.xhtml", "")));
        for (long id : cycles) {
            officer.addAll(List.of(page("/officer/cycle.xhtml", "?id=" + id), page("/officer/evidence.xhtml", "?id=" + id),
                    page("/officer/measure.xhtml", "?id=" + id), page("/officer/proposals.xhtml", "?id=" + id),
                    page("/officer/electorate.xhtml", "?id=" + id)));
        }
        plan.put("officer", officer);
        plan.put("demo-admin", List.of(page("/index.xhtml", ""), page("/admin/accounts.xhtml", "")));

        // Every page is looked at (or excluded with a reason), before any browser starts.
        Set<String> missing = new TreeSet<>(views());
        plan.values().forEach(visits -> visits.forEach(v -> missing.remove(v.view())));
        missing.removeAll(EXCLUDED.keySet());
        assertEquals(Set.of(), missing, "pages this test neither visits nor excludes with a reason");

        for (Map.Entry<String, List<Visit>> who : plan.entrySet()) {
            // Pages are measured here, not judged by axe-core (AccessibilityIT does): no axe-core in every page.
            try (Browser b = new Browser(base.toString(), WIDTHS.get(0), false)) {
                if (!who.getKey().equals("anyone")) {
                    b.signIn(who.getKey(), ItSupport.DEMO_PASSWORD);
                }
                for (Visit v : who.getValue()) {
                    // loaded at the width the last page ended at (the two widths take turns), then looked at at both
                    b.driver().get(base.toString().replaceFirst("/$", "") + v.path());
                    look(b, who.getKey(), v);
                }
                if (who.getKey().equals("anyone")) {
                    // The receipt check's answer, with a published ballot's receipt (a long code).
                    String published = ItSupport.get(base, "/api/v1/cycles/" + closed + "/ballots.csv").body()
                            .split("\n")[1];
                    b.resize(WIDTHS.get(0));
                    b.driver().get(base.toString().replaceFirst("/$", "") + "/receipt.xhtml");
                    b.type("#receipt\\:code", published.split(",")[0]);
                    b.clickAndWait("#receipt\\:check");
                    b.find("#ranking");
                    look(b, who.getKey(), new Visit("/receipt.xhtml", "/receipt.xhtml (checked)", "receipt-checked"));
                    // The public pages in Spanish too (longer words), at the narrowest width.
                    b.find("a[lang='es']").click();
                    b.await(d -> "es".equals(d.findElement(org.openqa.selenium.By.tagName("html"))
                            .getDomAttribute("lang")));
                    for (Visit v : who.getValue()) {
                        b.resize(WIDTHS.get(1));
                        b.driver().get(base.toString().replaceFirst("/$", "") + v.path());
                        measure(b, "anyone-es", v, WIDTHS.get(1));
                    }
                }
            }
        }
        assertTrue(visited.size() > 40, "pages looked at: " + visited.size());
        assertEquals(List.of(), offenders, "pages wider than the phone (page, width, what sticks out)");
    }

    /**
     * Looks at the page now shown at both widths: first at the width it was loaded at, then at the other (which the
     * next page is then loaded at), so that the window changes size once per page.
     */
    private void look(Browser b, String who, Visit v) throws Exception {
        List<Dimension> order = b.size().equals(WIDTHS.get(1)) ? List.of(WIDTHS.get(1), WIDTHS.get(0)) : WIDTHS;
        for (Dimension size : order) {
            b.resize(size);
            measure(b, who, v, size);
            b.screenshot("width-" + who + "-" + (v.name().isEmpty() ? "index" : v.name()) + "-" + size.getWidth());
        }
    }

    private void measure(Browser b, String who, Visit v, Dimension size) {
        // Loaded, no partial update under way, and the live pages (projector, juror, console) showing the session.
        b.await(d -> ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete'"
                + " && (!window.jQuery || jQuery.active === 0) && Array.from(document.querySelectorAll("
                + "'#screen[data-key], #juror[data-key], #console-live[data-key]')).every(e => e.dataset.version);"));
        visited.add(who + " " + v.path() + " " + size.getWidth());
        assertFalse(b.driver().getCurrentUrl().contains("/login.xhtml") && !v.view().equals("/login.xhtml"),
                who + " was sent to sign in for " + v.path());
        // What is folded away (details) is opened first: it must fit as well once a reader opens it.
        ((JavascriptExecutor) b.driver()).executeScript("document.querySelectorAll('details').forEach(d => d.open = true);");
        Object problem = ((JavascriptExecutor) b.driver()).executeScript(MEASURE);
        if (problem != null) {
            offenders.add(v.path() + " as " + who + " at " + size.getWidth() + " px: " + problem);
        }
    }
}
