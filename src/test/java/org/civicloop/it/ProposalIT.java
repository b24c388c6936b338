package org.civicloop.it;

import static org.civicloop.it.ItSupport.DEMO_PASSWORD;
import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Residents' proposals through the REST API: an officer opens the step, residents propose and support, a duplicate is
 * merged (its supports carried over, nobody counted twice, its author told), proposals are assessed feasible or
 * unfeasible (with the reason, public), a feasible one becomes a budget option credited to its proposal, a reported
 * proposal is hidden with a public reason; bad input is refused with a clear message and changes nothing, and every
 * change is in the audit chain with residents as pseudonyms.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProposalIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", DEMO_PASSWORD);

    private static String as(String user) {
        return basic(user, DEMO_PASSWORD);
    }

    private String path(long cycle) {
        return "/api/v1/cycles/" + cycle + "/proposals";
    }

    private long propose(long cycle, String user, String title, String district, long cost) throws Exception {
        ItSupport.Reply r = postJson(base, path(cycle), "{\"title\":\"" + title + "\",\"description\":\"" + title
                + ", please\",\"district\":\"" + district + "\",\"roughCost\":" + cost + "}", "Authorization", as(user));
        assertEquals(201, r.status(), r.body());
        assertEquals("submitted", r.json().getString("status"));
        return r.json().getJsonNumber("id").longValue();
    }

    private JsonObject listed(long cycle, long id) throws Exception {
        ItSupport.Reply r = get(base, path(cycle));
        assertEquals(200, r.status(), r.body());
        return r.array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    private ItSupport.Reply support(long cycle, long id, String user) throws Exception {
        return postJson(base, path(cycle) + "/" + id + "/support", "", "Authorization", as(user));
    }

    private ItSupport.Reply withdraw(long cycle, long id, String user) throws Exception {
        String b = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create(b + path(cycle) + "/" + id + "/support"))
                .header("Authorization", as(user)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        return new ItSupport.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers());
    }

    /** A refused call answers problem details with the message, and the public list is exactly as before. */
    private void refused(long cycle, int status, String message, ItSupport.Reply r, String listBefore)
            throws Exception {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.body().contains(message), "says why: " + r.body());
        assertEquals(listBefore, get(base, path(cycle)).body(), "a refused call changed nothing");
    }

    private static List<String[]> audit(String table, long id) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT actor, action,"
                + " detail FROM audit_entry WHERE entity_type = ? AND entity_id = ? ORDER BY seq")) {
            ps.setString(1, table);
            ps.setString(2, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    private static List<String> notices(String user, long proposal) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT kind FROM"
                + " proposal_notice WHERE recipient = ? AND proposal_id = ? ORDER BY id")) {
            ps.setString(1, user);
            ps.setLong(2, proposal);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void proposeSupportMergeAssessAndSelectAsAnOption() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Proposals IT " + System.nanoTime(),
                "What should the neighbourhood fund?", "Residents' own ideas first.", 100_000,
                "Which ideas are funded", "Ideas delivered within a year");
        String settings = path(cycle) + "/settings";
        // nothing is taken before the officer opens the step
        assertFalse(get(base, settings).json().getBoolean("accepting"));
        String empty = get(base, path(cycle)).body();
        refused(cycle, 409, "not taking proposals", postJson(base, path(cycle), "{\"title\":\"Early\",\"description\":"
                + "\"d\",\"district\":\"Old Town\",\"roughCost\":10}", "Authorization", as("resident05")), empty);
        ItSupport.Reply bad = put(base, settings, "{\"accepting\":true,\"districts\":\" , \"}", "Authorization", OFFICER);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("List the districts"), bad.body());
        assertFalse(get(base, settings).json().getBoolean("accepting"), "a refused setting changed nothing");
        assertEquals(403, put(base, settings, "{\"accepting\":true,\"districts\":\"Old Town\"}", "Authorization",
                as("resident05")).status(), "residents cannot open the step");
        ItSupport.Reply opened = put(base, settings, "{\"accepting\":true,\"districts\":\"Old Town\\nMill Quarter\"}",
                "Authorization", OFFICER);
        assertEquals(200, opened.status(), opened.body());
        assertEquals(List.of("Old Town", "Mill Quarter"), get(base, settings).json().getJsonArray("districts")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        long benches = propose(cycle, "resident05", "Benches on the river path", "Old Town", 8_000);
        long seats = propose(cycle, "resident06", "Seats along the river", "Old Town", 6_000);
        long lido = propose(cycle, "resident07", "Reopen the lido", "Mill Quarter", 900_000);

        // bad input: a clear message, nothing stored
        String list = get(base, path(cycle)).body();
        refused(cycle, 400, "Give your proposal a title", postJson(base, path(cycle), "{\"title\":\" \","
                + "\"description\":\"d\",\"district\":\"Old Town\",\"roughCost\":10}", "Authorization",
                as("resident05")), list);
        refused(cycle, 400, "one of this cycle", postJson(base, path(cycle), "{\"title\":\"t\",\"description\":\"d\","
                + "\"district\":\"Atlantis\",\"roughCost\":10}", "Authorization", as("resident05")), list);
        refused(cycle, 400, "rough cost", postJson(base, path(cycle), "{\"title\":\"t\",\"description\":\"d\","
                + "\"district\":\"Old Town\",\"roughCost\":-3}", "Authorization", as("resident05")), list);
        refused(cycle, 400, "latitude", postJson(base, path(cycle), "{\"title\":\"t\",\"description\":\"d\","
                + "\"district\":\"Old Town\",\"roughCost\":3,\"latitude\":51.5}", "Authorization", as("resident05")),
                list);
        refused(cycle, 403, "may not do this", postJson(base, path(cycle), "{\"title\":\"t\",\"description\":\"d\","
                + "\"district\":\"Old Town\",\"roughCost\":3}", "Authorization", OFFICER), list);
        assertEquals(401, postJson(base, path(cycle), "{}", "X-CivicLoop-Request", "1").status(),
                "anonymous proposals are not taken");

        // supports: one per account, withdrawable
        assertEquals(200, support(cycle, benches, "resident08").status());
        assertEquals(200, support(cycle, benches, "resident09").status());
        refused(cycle, 409, "already support", support(cycle, benches, "resident08"), get(base, path(cycle)).body());
        assertEquals(200, support(cycle, seats, "resident09").status(), "resident09 supports both duplicates");
        assertEquals(200, support(cycle, seats, "resident10").status());
        assertEquals(200, support(cycle, lido, "resident10").status());
        assertEquals(2, listed(cycle, benches).getInt("supports"));
        assertEquals(200, withdraw(cycle, seats, "resident10").status());
        assertEquals(1, listed(cycle, seats).getInt("supports"), "a withdrawn support no longer counts");
        refused(cycle, 409, "do not support", withdraw(cycle, seats, "resident10"), get(base, path(cycle)).body());
        assertEquals(200, support(cycle, seats, "resident10").status(), "supporting again counts again");
        assertEquals(2, listed(cycle, seats).getInt("supports"));

        // merge the duplicate: its supports are carried over, resident09 (who supported both) counted once
        list = get(base, path(cycle)).body();
        refused(cycle, 400, "merged into itself", postJson(base, path(cycle) + "/" + seats + "/merge",
                "{\"into\":" + seats + "}", "Authorization", OFFICER), list);
        assertEquals(403, postJson(base, path(cycle) + "/" + seats + "/merge", "{\"into\":" + benches + "}",
                "Authorization", as("resident05")).status());
        ItSupport.Reply merged = postJson(base, path(cycle) + "/" + seats + "/merge", "{\"into\":" + benches + "}",
                "Authorization", OFFICER);
        assertEquals(200, merged.status(), merged.body());
        assertEquals("merged", merged.json().getString("status"));
        assertEquals(benches, merged.json().getJsonNumber("mergedInto").longValue());
        assertEquals(3, listed(cycle, benches).getInt("supports"), "resident08, 09 and 10: resident09 once");
        assertEquals(List.of("MERGED"), notices("resident06", seats), "the duplicate's author is told");
        assertEquals(List.of("MERGED_IN"), notices("resident05", benches), "so is the kept proposal's author");
        refused(cycle, 409, "merged into proposal " + benches, support(cycle, seats, "resident11"),
                get(base, path(cycle)).body());
        assertEquals(200, support(cycle, benches, "resident10").status(),
                "resident10 also supports the kept proposal directly");
        assertEquals(3, listed(cycle, benches).getInt("supports"), "and is still counted once");

        // assess: unfeasible needs its reason; feasible needs the estimate and the service
        list = get(base, path(cycle)).body();
        refused(cycle, 400, "Give the reason", postJson(base, path(cycle) + "/" + lido + "/assessment",
                "{\"feasible\":false}", "Authorization", OFFICER), list);
        refused(cycle, 400, "costed estimate", postJson(base, path(cycle) + "/" + benches + "/assessment",
                "{\"feasible\":true,\"service\":\"Parks\"}", "Authorization", OFFICER), list);
        refused(cycle, 409, "merged into proposal", postJson(base, path(cycle) + "/" + seats + "/assessment",
                "{\"feasible\":true,\"estimate\":5,\"service\":\"Parks\"}", "Authorization", OFFICER), list);
        ItSupport.Reply unfeasible = postJson(base, path(cycle) + "/" + lido + "/assessment", "{\"feasible\":false,"
                + "\"reason\":\"The lido's pool needs rebuilding: about 4 million, far above the budget.\","
                + "\"service\":\"Leisure\"}", "Authorization", OFFICER);
        assertEquals(200, unfeasible.status(), unfeasible.body());
        ItSupport.Reply feasible = postJson(base, path(cycle) + "/" + benches + "/assessment", "{\"feasible\":true,"
                + "\"estimate\":12500,\"service\":\"Parks and open spaces\"}", "Authorization", OFFICER);
        assertEquals(200, feasible.status(), feasible.body());
        JsonObject lidoListed = listed(cycle, lido);
        assertEquals("unfeasible", lidoListed.getString("status"));
        assertTrue(lidoListed.getString("reason").contains("far above the budget"), "the reason is public");
        assertEquals("Reopen the lido", lidoListed.getString("title"), "an unfeasible proposal stays public");
        assertEquals(List.of("UNFEASIBLE"), notices("resident07", lido));

        // select: the feasible proposal becomes a budget option costed at the estimate
        list = get(base, path(cycle)).body();
        refused(cycle, 409, "Only a proposal assessed as feasible", postJson(base, path(cycle) + "/" + lido
                + "/selection", "{\"code\":\"LIDO\"}", "Authorization", OFFICER), list);
        refused(cycle, 400, "letters, digits, dashes", postJson(base, path(cycle) + "/" + benches + "/selection",
                "{\"code\":\"not a code!\"}", "Authorization", OFFICER), list);
        ItSupport.Reply selected = postJson(base, path(cycle) + "/" + benches + "/selection", "{\"code\":\"BENCH\"}",
                "Authorization", OFFICER);
        assertEquals(200, selected.status(), selected.body());
        JsonObject benchesListed = listed(cycle, benches);
        assertEquals("selected", benchesListed.getString("status"));
        assertEquals("BENCH", benchesListed.getString("optionCode"));
        assertEquals(12500, benchesListed.getJsonNumber("estimate").longValue());
        assertEquals("Parks and open spaces", benchesListed.getString("service"));
        JsonObject option = get(base, "/api/v1/cycles/" + cycle + "/options").array().getValuesAs(JsonObject.class)
                .stream().filter(o -> o.getString("code").equals("BENCH")).findFirst().orElseThrow();
        assertEquals("Benches on the river path", option.getString("title"));
        assertEquals(12500, option.getJsonNumber("cost").longValue());
        assertEquals(List.of("MERGED_IN", "FEASIBLE", "SELECTED"), notices("resident05", benches));
        // most supported first
        assertEquals(benches, get(base, path(cycle)).array().getJsonObject(0).getJsonNumber("id").longValue());

        // every change in the chain; residents as pseudonyms, officers by name
        List<String[]> trail = audit("proposal", benches);
        assertEquals(List.of("proposal.submitted", "proposal.assessed", "proposal.selected"),
                trail.stream().map(e -> e[1]).toList());
        assertTrue(trail.get(0)[0].startsWith("resident:"), "the proposer is a pseudonym: " + trail.get(0)[0]);
        assertFalse(String.join(" ", trail.get(0)).contains("resident05"));
        assertEquals("officer", trail.get(1)[0]);
        assertEquals(List.of("proposal.submitted", "proposal.merged"),
                audit("proposal", seats).stream().map(e -> e[1]).toList());
        assertTrue(ItSupport.awaitChained(base).getBoolean("valid"), "the chain verifies with every row");

        // closing the step: no more proposals or supports
        assertEquals(200, put(base, settings, "{\"accepting\":false}", "Authorization", OFFICER).status());
        list = get(base, path(cycle)).body();
        refused(cycle, 409, "not taking proposals", support(cycle, lido, "resident11"), list);
    }

    @Test
    void aReportedProposalIsHiddenWithAPublicReasonAndStaysListed() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Proposals moderation IT " + System.nanoTime(),
                "What should the ward fund?", "Residents' own ideas first.", 50_000,
                "Which ideas are funded", "Ideas delivered within a year");
        assertEquals(200, put(base, path(cycle) + "/settings", "{\"accepting\":true,\"districts\":\"North, South\"}",
                "Authorization", OFFICER).status());
        long spam = propose(cycle, "resident11", "Buy my car", "North", 5_000);
        String list = get(base, path(cycle)).body();
        refused(cycle, 400, "Say why", postJson(base, path(cycle) + "/" + spam + "/reports", "{\"reason\":\"\"}",
                "Authorization", as("resident12")), list);
        assertEquals(201, postJson(base, path(cycle) + "/" + spam + "/reports", "{\"reason\":\"An advert\"}",
                "Authorization", as("resident12")).status());
        refused(cycle, 409, "already reported", postJson(base, path(cycle) + "/" + spam + "/reports",
                "{\"reason\":\"Again\"}", "Authorization", as("resident12")), list);
        refused(cycle, 400, "public reason", postJson(base, path(cycle) + "/" + spam + "/hide", "{\"reason\":\" \"}",
                "Authorization", OFFICER), list);
        assertEquals(403, postJson(base, path(cycle) + "/" + spam + "/hide", "{\"reason\":\"x\"}",
                "Authorization", as("resident12")).status());
        ItSupport.Reply hidden = postJson(base, path(cycle) + "/" + spam + "/hide",
                "{\"reason\":\"Advertising, against the rules for proposals.\"}", "Authorization", OFFICER);
        assertEquals(200, hidden.status(), hidden.body());
        JsonObject shown = listed(cycle, spam);
        assertTrue(shown.getBoolean("hidden"));
        assertEquals("Advertising, against the rules for proposals.", shown.getString("hiddenReason"));
        assertTrue(!shown.containsKey("title") || shown.isNull("title"), "the text is no longer shown: " + shown);
        assertTrue(!shown.containsKey("description") || shown.isNull("description"), shown.toString());
        assertEquals("North", shown.getString("district"), "but the proposal is still listed");
        refused(cycle, 409, "hidden by a moderator", support(cycle, spam, "resident13"), get(base, path(cycle)).body());
        assertEquals(List.of("HIDDEN"), notices("resident11", spam), "the author is told");
        List<String[]> trail = audit("proposal", spam);
        assertEquals("proposal.hidden", trail.get(trail.size() - 1)[1]);
        assertEquals("officer", trail.get(trail.size() - 1)[0]);
        assertEquals(404, get(base, "/api/v1/cycles/987654321/proposals").status());
    }

    private ItSupport.Reply listing(long cycle, String query) throws Exception {
        return get(base, path(cycle) + "?" + query);
    }

    private List<Long> ids(ItSupport.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.array().getValuesAs(JsonObject.class).stream().map(p -> p.getJsonNumber("id").longValue()).toList();
    }

    private static String total(ItSupport.Reply r) {
        return r.headers().firstValue("X-Total-Count").orElse("none");
    }

    private static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void searchFilterSortAndPageTheProposals() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Proposals search IT " + System.nanoTime(),
                "What should the neighbourhood fund?", "Residents' own ideas first.", 100_000,
                "Which ideas are funded", "Ideas delivered within a year");
        assertEquals(200, put(base, path(cycle) + "/settings", "{\"accepting\":true,\"districts\":"
                + "\"Old Town\\nMill Quarter\"}", "Authorization", OFFICER).status());
        ItSupport.Reply r = postJson(base, path(cycle), "{\"title\":\"Jardín comunitario junto al río\","
                + "\"description\":\"Un huerto con árboles frutales para los vecinos (κήπος, "
                + "Donaudampfschifffahrtsgesellschaftskapitänsmütze).\",\"district\":\"Old Town\","
                + "\"roughCost\":9000}", "Authorization", as("resident05"));
        assertEquals(201, r.status(), r.body());
        long jardin = r.json().getJsonNumber("id").longValue();
        long garden = propose(cycle, "resident06", "Community garden by the river", "Mill Quarter", 8_000);
        long benches = propose(cycle, "resident07", "Benches for the market square", "Old Town", 3_000);
        long lights = propose(cycle, "resident08", "Street lights on the towpath", "Mill Quarter", 12_000);
        for (String u : List.of("resident09", "resident10", "resident11")) {
            assertEquals(200, support(cycle, lights, u).status());
        }
        assertEquals(200, support(cycle, benches, "resident12").status());
        assertEquals(200, support(cycle, garden, "resident12").status());
        assertEquals(200, support(cycle, garden, "resident13").status());

        // no parameters: the first page, most supported first, and how many there are in all
        ItSupport.Reply all = get(base, path(cycle));
        assertEquals(List.of(lights, garden, benches, jardin), ids(all));
        assertEquals("4", total(all));
        assertEquals(3, listed(cycle, lights).getInt("supports"));

        // accents and capitals do not matter, in Spanish and English; words are the starts of words, all of them
        assertEquals(List.of(jardin), ids(listing(cycle, "q=" + q("JARDIN"))));
        assertEquals(List.of(jardin), ids(listing(cycle, "q=" + q("rio arbol"))), "río, árboles");
        assertEquals(List.of(jardin), ids(listing(cycle, "q=" + q("Jardín"))));
        assertEquals(List.of(garden), ids(listing(cycle, "q=" + q("garden, river!"))));
        assertEquals(List.of(), ids(listing(cycle, "q=" + q("garden lido"))));
        assertEquals(List.of(), ids(listing(cycle, "q=" + q("arden"))), "not the middle of a word");
        // words in any script, and words longer than the index keeps (30 letters), by their start or in full
        assertEquals(List.of(jardin), ids(listing(cycle, "q=" + q("ΚΗΠ"))), "κήπος by its start, any case");
        assertEquals(List.of(jardin), ids(listing(cycle, "q=" + q("donaudampf"))));
        assertEquals(List.of(jardin), ids(listing(cycle, "q=" + q("Donaudampfschifffahrtsgesellschaftskapitänsmütze"))));
        assertEquals(List.of(), ids(listing(cycle, "q=" + q("Donaudampfschifffahrtsgesellschaftskapitänsmützen"))),
                "a longer term than the word: no match, though both start with the same 30 letters");
        // by district, in both orders
        assertEquals(List.of(lights, garden), ids(listing(cycle, "district=" + q("Mill Quarter"))));
        assertEquals(List.of(garden), ids(listing(cycle, "district=" + q("Mill Quarter") + "&sort=supports&q=garden")));
        assertEquals(List.of(lights, benches, garden, jardin), ids(listing(cycle, "sort=newest")));
        assertEquals(List.of(benches, jardin), ids(listing(cycle, "sort=newest&district=" + q("Old Town"))));
        assertEquals(List.of(), ids(listing(cycle, "district=" + q("Old Town") + "&q=towpath")));

        // pages
        ItSupport.Reply first = listing(cycle, "size=3");
        assertEquals(List.of(lights, garden, benches), ids(first));
        assertEquals("4", total(first));
        assertTrue(first.headers().firstValue("Link").orElse("").contains("page=2"), first.headers().toString());
        ItSupport.Reply second = listing(cycle, "size=3&page=2");
        assertEquals(List.of(jardin), ids(second));
        assertTrue(second.headers().firstValue("Link").orElse("").contains("rel=\"prev\""));
        assertEquals(List.of(), ids(listing(cycle, "size=3&page=3")));

        // bad parameters: 400 with a message naming what is wrong
        String before = get(base, path(cycle)).body();
        refused(cycle, 400, "Order the proposals by supports", listing(cycle, "sort=oldest"), before);
        refused(cycle, 400, "no district called", listing(cycle, "district=Nowhere"), before);
        refused(cycle, 400, "page size from 1 to 100", listing(cycle, "size=500"), before);
        refused(cycle, 400, "page size from 1 to 100", listing(cycle, "page=abc"), before);
        refused(cycle, 400, "page size from 1 to 100", listing(cycle, "page=0"), before);
        refused(cycle, 400, "at most 200 characters and 8 words", listing(cycle, "q=" + q("a b c d e f g h i")),
                before);

        // counts stay right through withdrawals and merges, and a hidden proposal's words are not searched
        assertEquals(200, withdraw(cycle, lights, "resident09").status());
        assertEquals(200, postJson(base, path(cycle) + "/" + benches + "/merge", "{\"into\":" + garden + "}",
                "Authorization", OFFICER).status());
        assertEquals(2, listed(cycle, lights).getInt("supports"));
        assertEquals(2, listed(cycle, garden).getInt("supports"), "resident12 supported both: counted once");
        assertEquals(1, listed(cycle, benches).getInt("supports"), "a merged proposal shows its own supporters");
        assertEquals(200, support(cycle, garden, "resident14").status());
        assertEquals(3, listed(cycle, garden).getInt("supports"));
        assertEquals(List.of(garden, lights, benches, jardin), ids(get(base, path(cycle))));
        assertEquals(200, postJson(base, path(cycle) + "/" + jardin + "/hide", "{\"reason\":\"Test of hiding.\"}",
                "Authorization", OFFICER).status());
        assertEquals(List.of(), ids(listing(cycle, "q=jardin")));
        assertEquals(4, ids(get(base, path(cycle))).size(), "a hidden proposal stays listed");
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT p.id,"
                + " (SELECT COUNT(*) FROM proposal_word w WHERE w.proposal_id = p.id AND w.cycle_id = p.cycle_id)"
                + " FROM proposal p WHERE p.cycle_id = ?")) {
            ps.setLong(1, cycle);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) == jardin) {
                        assertEquals(0, rs.getInt(2), "a hidden proposal's words leave the search index");
                    } else {
                        assertTrue(rs.getInt(2) >= 4, "proposal " + rs.getLong(1) + " has its words indexed");
                    }
                }
            }
        }
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT st.id, st.supports,"
                + " (SELECT COUNT(DISTINCT s.account) FROM proposal_support s JOIN proposal q ON q.id = s.proposal_id"
                + " WHERE s.withdrawn_at IS NULL AND (q.id = st.id OR q.merged_into = st.id))"
                + " FROM proposal_stats st WHERE st.cycle_id = ?")) {
            ps.setLong(1, cycle);
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertEquals(rs.getInt(3), rs.getInt(2), "stored count of proposal " + rs.getLong(1));
                }
                assertEquals(4, n);
            }
        }
    }

    @Test
    void residentsCommentAndTheCouncilHidesACommentWithAPublicReason() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Proposals comments IT " + System.nanoTime(),
                "What should the neighbourhood fund?", "Residents' own ideas first.", 100_000,
                "Which ideas are funded", "Ideas delivered within a year");
        assertEquals(200, put(base, path(cycle) + "/settings", "{\"accepting\":true,\"districts\":\"Old Town\"}",
                "Authorization", OFFICER).status());
        long idea = propose(cycle, "resident05", "A drinking fountain in the park", "Old Town", 4_000);
        String comments = path(cycle) + "/" + idea + "/comments";

        int anonymous = postJson(base, comments, "{\"body\":\"Anonymous\"}").status();
        assertTrue(anonymous == 401 || anonymous == 403, "signed in only: " + anonymous);
        ItSupport.Reply posted = postJson(base, comments, "{\"body\":\"Yes! <script>alert(1)</script> near the"
                + " swings\"}", "Authorization", as("resident06"));
        assertEquals(201, posted.status(), posted.body());
        long first = posted.json().getJsonNumber("id").longValue();
        assertFalse(posted.json().getBoolean("byProposer"));
        ItSupport.Reply own = postJson(base, comments, "{\"body\":\"Thanks: the water service says it is easy.\"}",
                "Authorization", as("resident05"));
        assertEquals(201, own.status(), own.body());
        assertTrue(own.json().getBoolean("byProposer"), "the proposer's own comment says so");

        // bad input: a clear message, nothing stored
        String before = get(base, comments).body();
        ItSupport.Reply empty = postJson(base, comments, "{\"body\":\"   \"}", "Authorization", as("resident06"));
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.body().contains("Write a comment of 1 to 2000 characters"), empty.body());
        assertEquals(400, postJson(base, comments, "{\"body\":\"" + "x".repeat(2001) + "\"}", "Authorization",
                as("resident06")).status());
        assertEquals(before, get(base, comments).body(), "refused comments changed nothing");
        List<JsonObject> listed = get(base, comments).array().getValuesAs(JsonObject.class);
        assertEquals(2, listed.size());
        assertEquals(first, listed.get(0).getJsonNumber("id").longValue(), "oldest first");
        assertFalse(get(base, comments).body().contains("resident0"), "no account is published");

        // the text is escaped on the page
        String page = get(base, "/proposal.xhtml?id=" + idea).body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped");
        assertFalse(page.contains("<script>alert(1)"), "never as markup");

        // reports: once, with a reason; only officers hide, with a public reason; nothing is deleted
        String report = comments + "/" + first + "/reports";
        assertEquals(400, postJson(base, report, "{\"reason\":\"\"}", "Authorization", as("resident07")).status());
        assertEquals(201, postJson(base, report, "{\"reason\":\"Off topic\"}", "Authorization", as("resident07"))
                .status());
        ItSupport.Reply twice = postJson(base, report, "{\"reason\":\"Again\"}", "Authorization", as("resident07"));
        assertEquals(409, twice.status());
        assertTrue(twice.body().contains("already reported this comment"), twice.body());
        String hide = comments + "/" + first + "/hide";
        assertEquals(403, postJson(base, hide, "{\"reason\":\"No\"}", "Authorization", as("resident07")).status());
        ItSupport.Reply noReason = postJson(base, hide, "{\"reason\":\" \"}", "Authorization", OFFICER);
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("public reason for hiding the comment"), noReason.body());
        ItSupport.Reply hidden = postJson(base, hide, "{\"reason\":\"It tried to run code on readers' pages.\"}",
                "Authorization", OFFICER);
        assertEquals(200, hidden.status(), hidden.body());
        assertTrue(hidden.json().getBoolean("hidden"));
        assertTrue(!hidden.json().containsKey("body") || hidden.json().isNull("body"),
                "the text is no longer published");
        assertEquals(409, postJson(base, hide, "{\"reason\":\"Again\"}", "Authorization", OFFICER).status());
        assertEquals(409, postJson(base, report, "{\"reason\":\"Still\"}", "Authorization", as("resident08"))
                .status(), "a hidden comment cannot be reported");
        listed = get(base, comments).array().getValuesAs(JsonObject.class);
        assertEquals(2, listed.size(), "the hidden comment stays in place");
        assertEquals("It tried to run code on readers' pages.", listed.get(0).getString("hiddenReason"));
        page = get(base, "/proposal.xhtml?id=" + idea).body();
        assertTrue(page.contains("Hidden by the council: It tried to run code on readers&#39; pages.")
                || page.contains("Hidden by the council: It tried to run code on readers' pages."), "in place");
        assertFalse(page.contains("near the swings"));
        assertEquals(404, postJson(base, path(cycle) + "/" + idea + "/comments/987654321/hide",
                "{\"reason\":\"x\"}", "Authorization", OFFICER).status());

        List<String[]> trail = audit("proposal_comment", first);
        assertEquals(List.of("proposal.commented", "proposal.commentHidden"), trail.stream().map(e -> e[1]).toList());
        assertTrue(trail.get(0)[0].startsWith("resident:"), "the commenter is a pseudonym: " + trail.get(0)[0]);
        assertFalse(String.join(" ", trail.get(0)).contains("resident06"));
        assertEquals("officer", trail.get(1)[0]);
        assertTrue(trail.get(1)[2].contains("run code"), "the public reason is in the log");
        assertTrue(ItSupport.awaitChained(base).getBoolean("valid"), "the chain verifies with every row");
    }

    @Test
    void anOptionFromAProposalCreditsItsProposerAndTheDemoShowsAHiddenComment() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Neighbourhood ideas 2027");
        List<JsonObject> all = get(base, path(cycle) + "?size=100").array().getValuesAs(JsonObject.class);
        JsonObject benches = all.stream().filter(p -> "BENCH".equals(p.getString("optionCode", null))).findFirst()
                .orElseThrow();
        long benchesId = benches.getJsonNumber("id").longValue();
        String page = get(base, "/cycle.xhtml?id=" + cycle).body();
        assertTrue(page.contains("proposed by Demo Resident 1: see the proposal"), "the proposer's chosen credit");
        assertTrue(page.contains("proposal.xhtml?id=" + benchesId), "a link to the proposal");
        assertTrue(get(base, "/cycle.xhtml?id=" + cycle, "Accept-Language", "es").body()
                .contains("propuesta de Demo Resident 1: ver la propuesta"));
        // options officers wrote themselves credit nobody
        long other = ItSupport.cycleTitled(base, "Youth spaces fund");
        assertFalse(get(base, "/cycle.xhtml?id=" + other).body().contains("see the proposal"));

        long mural = all.stream().filter(p -> p.getString("title", "").startsWith("A street art wall")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        List<JsonObject> comments = get(base, path(cycle) + "/" + mural + "/comments").array()
                .getValuesAs(JsonObject.class);
        assertTrue(comments.stream().anyMatch(c -> c.getBoolean("hidden")
                && c.getString("hiddenReason").contains("private person")), comments.toString());
        assertTrue(get(base, "/proposal.xhtml?id=" + mural).body().contains("Hidden by the council: It named a"
                + " private person"), "the reason stays in place");
        assertTrue(get(base, path(cycle) + "/" + benchesId + "/comments").array().size() >= 2);

        // the jury's evidence pack shows how the shortlist was made
        String pack = get(base, "/evidence.xhtml?id=" + cycle).body();
        assertTrue(pack.contains("8 proposals from residents: 2 merged into others as duplicates, 1 hidden by"
                + " moderators, 1 found not feasible, 3 selected as options of the vote."), "the counts");
        assertTrue(pack.contains("The pool structure must be rebuilt"), "the unfeasible proposal's reason");
        assertTrue(pack.contains("Became option BENCH of the vote."), "the selected ones");
        assertFalse(get(base, "/evidence.xhtml?id=" + other).body().contains("How the shortlist was made"),
                "nothing for a cycle without proposals");
    }
}
