package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public cycle page tells residents the truth at a glance: once the jury is drawn it says so (and, to a volunteer
 * alone, whether they were drawn) and takes no more volunteers; each channel's count table is captioned as that
 * channel's and lists the options in ranking order with their figures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CyclePageTruthIT {

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
    private static final String VOLUNTEER = "resident04";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void afterTheDrawThePageSaysSoTellsOnlyTheVolunteerTheirOutcomeAndTakesNoMoreVolunteers() throws Exception {
        long id = ItSupport.recruitingCycle(base, OFFICER, "Bus shelters " + System.nanoTime(), "Which stops get shelters?",
                "Riders wait in the rain", 30000, "Which stops", "Fewer riders wait in the rain");
        String cy = "/api/v1/cycles/" + id + "/jury";
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv",
                "feature,value,min,max\nage,young,2,2\nage,old,2,2\n", "Authorization", OFFICER).status());
        ItSupport.Reply joined = ItSupport.postJson(base, cy + "/volunteers",
                "{\"consent\":true,\"answers\":{\"age\":\"old\"}}", "Authorization",
                ItSupport.basic(VOLUNTEER, ItSupport.DEMO_PASSWORD));
        assertEquals(201, joined.status(), joined.body());
        assertEquals(200, ItSupport.post(base, cy + "/people?idColumn=ref", "text/csv",
                "ref,first_name,last_name,age\nB-1,Ana,Ruiz,young\nB-2,Ben,Okafor,young\nB-3,,,old\n", "Authorization",
                OFFICER).status());

        String before = new WebSession(base).get("/cycle.xhtml?id=" + id).body();
        assertTrue(before.contains("id=\"volunteer\""), "volunteering is open before the draw");

        assertEquals(201, ItSupport.postJson(base, cy + "/commitment", "{\"size\":4,\"seed\":\"shelters-" + System.nanoTime()
                + "\"}", "Authorization", OFFICER).status());
        assertEquals(202, ItSupport.post(base, cy + "/draw", "application/json", "", "Authorization", OFFICER).status());
        awaitDraw(id);

        // Anyone: the draw happened, with a link to the published draw; no form, nobody's outcome.
        String open = new WebSession(base).get("/cycle.xhtml?id=" + id).body();
        assertTrue(open.contains("id=\"draw-happened\"") && open.contains("4 people from 4 volunteers"), section(open));
        assertTrue(open.contains("href=\"#draw-info\"") && open.contains("id=\"draw-info\""), "links the published draw");
        assertTrue(!open.contains("id=\"volunteer\""), "no volunteering form after the draw");
        assertTrue(!open.contains("in the pool for the jury draw"), section(open));
        assertTrue(!open.contains("id=\"my-draw\""), "nobody's outcome is shown to others");
        assertTrue(Pattern.compile("id=\"draw-fairness\">Lowest chance any volunteer had of being selected: \\d+\\.\\d%"
                + " \\(average \\d+\\.\\d%\\)").matcher(open).find(), "fairness as percentages: " + section(open));

        // The volunteer alone reads whether they were drawn, in their language.
        String kept = ItSupport.keptLanguage(VOLUNTEER, null);
        try {
            WebSession me = new WebSession(base).signedIn(VOLUNTEER, ItSupport.DEMO_PASSWORD);
            String mine = me.get("/cycle.xhtml?id=" + id).body();
            assertTrue(mine.contains("You were drawn for the jury."), section(mine));
            WebSession mio = new WebSession(base).language("es").signedIn(VOLUNTEER, ItSupport.DEMO_PASSWORD);
            String es = mio.get("/cycle.xhtml?id=" + id).body();
            assertTrue(es.contains("Usted ha salido elegido para el jurado.") && es.contains("Ya no se admiten voluntarios."),
                    section(es));
        } finally {
            ItSupport.keptLanguage(VOLUNTEER, kept);
        }

        // The officer knows imported jurors by the name in their row beside its id (the id alone without a name).
        String workspace = new WebSession(base).signedIn("officer", ItSupport.DEMO_PASSWORD)
                .get("/officer/cycle.xhtml?id=" + id).body();
        assertTrue(workspace.contains("Ana Ruiz (B-1)") && workspace.contains("Ben Okafor (B-2)")
                && workspace.contains(">B-3<"), "imported jurors by name: " + workspace.substring(Math.max(0,
                workspace.indexOf("invited")), Math.min(workspace.length(), workspace.indexOf("invited") + 3000)));

        // No new volunteering once drawn: refused, nothing added.
        ItSupport.Reply late = ItSupport.postJson(base, cy + "/volunteers", "{\"consent\":true,\"answers\":{\"age\":\"young\"}}",
                "Authorization", ItSupport.basic("resident01", ItSupport.DEMO_PASSWORD));
        assertEquals(409, late.status(), late.body());
        assertTrue(late.body().contains("already been drawn"), late.body());
        assertEquals(4, get(base, cy).json().getInt("volunteers"));
    }

    @Test
    void eachDemoCycleShowsItsOwnSuccessCriteria() throws Exception {
        String library = new WebSession(base).get("/cycle.xhtml?id=" + ItSupport.cycleTitled(base,
                "Library opening hours")).body();
        assertTrue(library.contains("evening and weekend visits") && !library.contains("feel safer walking"),
                "the library is measured by library use, not by Greener streets' criteria");
        String youth = new WebSession(base).get("/cycle.xhtml?id=" + ItSupport.cycleTitled(base, "Youth spaces fund"))
                .body();
        assertTrue(youth.contains("somewhere safe to go after 6pm") && !youth.contains("feel safer walking"));
    }

    @Test
    void eachCountTableIsCaptionedAsItsChannelsAndListsOptionsInRankingOrderWithTheirFigures() throws Exception {
        long id = ItSupport.cycleInPhase(base, "CLOSED");
        String page = new WebSession(base).get("/cycle.xhtml?id=" + id).body();
        assertTrue(page.contains("<h2 id=\"h-results\">Results of the vote</h2>"), "the section is not the jury's alone");
        String jury = table(page, "jury-result");
        assertTrue(jury.contains("<caption class=\"sr-only\">How the jury voted</caption>"), jury);
        assertOrdered(jury);
        if (page.contains("id=\"resident-result\"")) {
            String residents = table(page, "resident-result");
            assertTrue(residents.contains("reported beside the jury") && !residents.contains("How the jury voted"), residents);
            assertOrdered(residents);
        }
    }

    @Test
    void theReportSaysHowManyBallotsWereFlaggedAsACampaignAndHowTheyWereTreated() throws Exception {
        // The demo's closed cycle: a burst of identical residents' ballots, flagged and excluded by the officer.
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        JsonObject flagged = get(base, "/api/v1/cycles/" + closed + "/results").json().getJsonObject("residents")
                .getJsonObject("flagged");
        int ballots = flagged.getInt("ballots");
        assertTrue(ballots > 1 && flagged.getInt("excluded") == ballots, "the demo excludes its campaign: " + flagged);
        String reason = flagged.getJsonArray("decisions").getJsonObject(0).getString("reason");
        String report = new WebSession(base).language("en").get("/report.xhtml?cycle=" + closed).body()
                .replace("&#39;", "'");
        assertTrue(report.contains(ballots + " residents' ballots were flagged as a possible campaign"), report);
        assertTrue(report.contains("0 counted, " + ballots + " excluded"), report);
        assertTrue(report.contains(ballots + " ballots excluded: " + reason), report);
        String es = new WebSession(base).language("es").get("/report.xhtml?cycle=" + closed).body();
        assertTrue(es.contains(reason) && !es.contains("were flagged as a possible campaign"),
                "the Spanish report says it in Spanish, with the officer's reason as written");
    }

    @Test
    void theShiftByGroupIsAChartAndATableOnThePageAndInTheReportAndUnansweredItemsSaySo() throws Exception {
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        JsonObject shift = get(base, "/api/v1/cycles/" + closed + "/shift").json();
        String discuss = new WebSession(base).get("/discuss.xhtml?id=" + closed).body();
        String report = new WebSession(base).get("/report.xhtml?cycle=" + closed).body();
        assertTrue(!discuss.contains("{id}") && discuss.contains("/api/v1/cycles/" + closed + "/shift\""),
                "the open data link names this cycle");
        for (String page : List.of(discuss, report)) {
            for (JsonObject item : shift.getJsonArray("statements").getValuesAs(JsonObject.class)) {
                List<JsonObject> groups = item.getJsonArray("byCategory").getValuesAs(JsonObject.class);
                if (item.getInt("respondents") == 0) {
                    continue;
                }
                assertTrue(!groups.isEmpty(), "the demo's jury has groups: " + item);
                // Each group's mean before and after, in the chart and in its table.
                JsonObject g = groups.get(0);
                String row = "<th scope=\"row\">" + g.getString("feature") + " · " + g.getString("value") + "</th>";
                String figures = "<td class=\"num\">" + String.format(java.util.Locale.ROOT, "%.2f",
                        g.getJsonNumber("meanBefore").doubleValue()) + "</td><td class=\"num\">"
                        + String.format(java.util.Locale.ROOT, "%.2f", g.getJsonNumber("meanAfter").doubleValue()) + "</td>";
                assertTrue(page.contains(row), row);
                assertTrue(page.replaceAll("\\s+<", "<").contains(row + figures), row + figures);
            }
            assertTrue(page.contains("class=\"shift-groups\"") && page.contains("class=\"group-bars\" aria-hidden=\"true\""),
                    "a chart by group beside its table");
            assertTrue(page.contains("(moved up)"), "School crossings rose in the ranking, and the page says so");
            assertTrue(page.contains("a negative change means the option moved up"), "the sign is explained");
        }
        int unanswered = 0;
        for (long id : List.of(closed, ItSupport.cycleTitled(base, "Youth spaces fund"))) {
            JsonObject s = get(base, "/api/v1/cycles/" + id + "/shift").json();
            String page = new WebSession(base).get("/discuss.xhtml?id=" + id).body();
            boolean any = false;
            for (String part : List.of("statements", "options")) {
                for (JsonObject item : s.getJsonArray(part).getValuesAs(JsonObject.class)) {
                    any |= item.getInt("respondents") > 0;
                    unanswered += item.getInt("respondents") == 0 ? 1 : 0;
                }
            }
            if (any && page.contains("shift-table")) {
                assertTrue(!page.contains("0 of 0") && !page.contains(">0 / 0<"), "no zeros for unanswered items");
                boolean hasUnanswered = s.getJsonArray("statements").getValuesAs(JsonObject.class).stream()
                        .anyMatch(i -> i.getInt("respondents") == 0);
                assertEquals(hasUnanswered, page.contains("Nobody answered this both before and after deliberation."),
                        "an item nobody answered both times says so: " + s);
            }
        }
        System.out.println("items nobody answered both times in the demo: " + unanswered);
    }

    /** Places rise row by row; every row has points and a cost. */
    private static void assertOrdered(String table) {
        Matcher row = Pattern.compile("<tr><td class=\"num\">(\\d+)</td><td>[^<]*</td><td class=\"num\">([^<]*)</td>")
                .matcher(table);
        List<Integer> places = new ArrayList<>();
        while (row.find()) {
            places.add(Integer.valueOf(row.group(1)));
            assertTrue(!row.group(2).isBlank() && !row.group(2).equals("\u2014"), "points: " + row.group());
        }
        assertTrue(places.size() >= 2, table);
        for (int i = 1; i < places.size(); i++) {
            assertTrue(places.get(i) >= places.get(i - 1), "ranking order: " + places);
        }
    }

    private static String table(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertTrue(at > 0, id + " missing");
        return page.substring(at, page.indexOf("</table>", at));
    }

    private static String section(String page) {
        int at = page.indexOf("cycle.takePart");
        int from = page.indexOf("id=\"draw-info\"");
        return page.substring(Math.max(0, Math.max(at, from) - 2000), Math.min(page.length(), Math.max(at, from) + 500));
    }

    private void awaitDraw(long id) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            JsonObject s = get(base, "/api/v1/cycles/" + id + "/jury/draw", "Authorization", OFFICER).json();
            if ("DONE".equals(s.getString("state"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the draw did not finish");
    }
}
