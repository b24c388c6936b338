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
}
