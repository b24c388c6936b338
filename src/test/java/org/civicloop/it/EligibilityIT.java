package org.civicloop.it;

import static org.civicloop.it.ItSupport.DEMO_PASSWORD;
import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.civicloop.it.ItSupport.putAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
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
 * Eligibility through the REST API: an officer defines a cycle's electorate and uploads its census; unverified
 * accounts are refused proposals, supports and residents' ballots (403, problem details, nothing recorded); residents
 * verify by census (which gives their district), by a one-time postal code, or in person; a census line or code once
 * used cannot verify a second account; a resident of another district cannot propose for a district or support its
 * proposals; the electorate is frozen once the vote opens; no identifier is stored or audited in clear, and no
 * resident is named in the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EligibilityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", DEMO_PASSWORD);
    private static final String PASSWORD = "eligibility-test-password";

    // Fake census people: document numbers unique to this test, so that finding them anywhere proves a leak.
    private static final String DOC_A = "EL7001234A";
    private static final String DOC_B = "EL7005678B";
    private static final String DOC_YOUNG = "EL7009999C";
    private static final String YOUNG_BORN = LocalDate.now().minusYears(12).toString();

    private String as(String user) {
        return basic(user, PASSWORD);
    }

    private static String electorate(long cycle) {
        return "/api/v1/cycles/" + cycle + "/electorate";
    }

    private void problem(int status, String says, ItSupport.Reply r) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.body().contains(says), "says why: " + r.body());
    }

    private ItSupport.Reply verifyCensus(long cycle, String user, String doc, String born, String postcode)
            throws Exception {
        return postJson(base, electorate(cycle) + "/verification", "{\"document\":\"" + doc + "\",\"birthDate\":\""
                + born + "\",\"postcode\":\"" + postcode + "\"}", "Authorization", as(user));
    }

    private ItSupport.Reply verifyCode(long cycle, String user, String code) throws Exception {
        return postJson(base, electorate(cycle) + "/verification", "{\"code\":\"" + code + "\"}", "Authorization",
                as(user));
    }

    private static long count(String sql, Object... params) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every value of every row of a table, as text. */
    private static List<String> cells(String sql, Object... params) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        out.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
        }
        return out;
    }

    private static void setPhase(long cycle, String phase) throws Exception {
        try (Connection c = ItSupport.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE cycle SET phase = ? WHERE id = ?")) {
            ps.setString(1, phase);
            ps.setLong(2, cycle);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void onlyVerifiedResidentsOfTheRightDistrictSupportAndVoteOnce() throws Exception {
        long cycle = ItSupport.recruitingCycle(base, OFFICER, "Eligibility IT " + System.nanoTime(),
                "What should the districts fund?", "Only residents decide.", 50_000,
                "Which ideas are funded", "Ideas delivered within a year");
        String proposals = "/api/v1/cycles/" + cycle + "/proposals";
        assertEquals(200, put(base, proposals + "/settings", "{\"accepting\":true,\"districts\":\"Old Town\\nMill"
                + " Quarter\"}", "Authorization", OFFICER).status());
        String first = ItSupport.registerResident(base, "elA", PASSWORD);
        String second = ItSupport.registerResident(base, "elB", PASSWORD);
        String young = ItSupport.registerResident(base, "elY", PASSWORD);
        String byCode = ItSupport.registerResident(base, "elC", PASSWORD);
        String inPerson = ItSupport.registerResident(base, "elP", PASSWORD);
        String never = ItSupport.registerResident(base, "elN", PASSWORD);

        // No electorate: today's behaviour, any signed-in resident (the public says so).
        assertTrue(get(base, electorate(cycle)).json().getBoolean("open"));
        ItSupport.Reply proposed = postJson(base, proposals, "{\"title\":\"Benches on Quay Street\",\"description\":"
                + "\"Somewhere to sit\",\"district\":\"Old Town\",\"roughCost\":5000}", "Authorization", as(never));
        assertEquals(201, proposed.status(), proposed.body());
        long bench = proposed.json().getJsonNumber("id").longValue();

        // The officer defines the electorate; residents cannot, bad input changes nothing.
        String define = "{\"minAge\":16,\"districts\":\"Old Town\\nMill Quarter\",\"census\":true,\"code\":true,"
                + "\"inPerson\":true}";
        assertEquals(403, put(base, electorate(cycle), define, "Authorization", as(first)).status());
        problem(400, "minimum age", put(base, electorate(cycle), define.replace("16", "99"), "Authorization", OFFICER));
        assertTrue(get(base, electorate(cycle)).json().getBoolean("open"), "a refused definition changed nothing");
        ItSupport.Reply defined = put(base, electorate(cycle), define, "Authorization", OFFICER);
        assertEquals(200, defined.status(), defined.body());
        JsonObject summary = get(base, electorate(cycle)).json();
        assertFalse(summary.getBoolean("open"));
        assertEquals(16, summary.getInt("minAge"));
        assertEquals(List.of("census", "code", "inPerson"), summary.getJsonArray("methods")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        // The census: a bad line is named and nothing is imported; then the good file.
        String header = "document,birth_date,postcode,district\n";
        problem(400, "Line 3", putAs(base, electorate(cycle) + "/census", "text/csv", header
                + DOC_A + ",1970-05-01,RV1 2AB,Old Town\n" + DOC_B + ",1970-13-01,RV3 4AB,Mill Quarter\n",
                "Authorization", OFFICER));
        assertEquals(0, get(base, electorate(cycle)).json().getInt("censusPeople"));
        assertEquals(403, putAs(base, electorate(cycle) + "/census", "text/csv", header, "Authorization",
                as(first)).status());
        ItSupport.Reply imported = putAs(base, electorate(cycle) + "/census", "text/csv", header
                + DOC_A + ",1970-05-01,RV1 2AB,Old Town\n" + DOC_B + ",1982-09-30,RV3 4AB,Mill Quarter\n"
                + DOC_YOUNG + "," + YOUNG_BORN + ",RV1 9ZZ,Old Town\n", "Authorization", OFFICER);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(3, imported.json().getInt("people"));

        // Unverified: the support is refused with problem details, and nothing is recorded.
        long supportsBefore = count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", bench);
        problem(403, "Only verified residents", postJson(base, proposals + "/" + bench + "/support", "",
                "Authorization", as(first)));
        assertEquals(supportsBefore, count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", bench));
        assertFalse(get(base, electorate(cycle) + "/verification", "Authorization", as(first)).json()
                .getBoolean("verified"));
        // Unverified: proposing is refused the same way, and no proposal is stored.
        long proposalsBefore = count("SELECT COUNT(*) FROM proposal WHERE cycle_id = ?", cycle);
        problem(403, "Only verified residents", postJson(base, proposals, "{\"title\":\"Lights on the towpath\","
                + "\"description\":\"It is dark\",\"district\":\"Old Town\",\"roughCost\":3000}", "Authorization",
                as(first)));
        assertEquals(proposalsBefore, count("SELECT COUNT(*) FROM proposal WHERE cycle_id = ?", cycle));

        // Census verification: typed in another case and spacing, it matches and gives the district.
        problem(400, "Nobody on the census", verifyCensus(cycle, first, DOC_A, "1970-05-02", "RV1 2AB"));
        ItSupport.Reply verified = verifyCensus(cycle, first, DOC_A.toLowerCase().substring(0, 4) + " "
                + DOC_A.substring(4), "1970-05-01", "rv12ab");
        assertEquals(201, verified.status(), verified.body());
        assertEquals("Old Town", verified.json().getString("district"));
        assertEquals("census", get(base, electorate(cycle) + "/verification", "Authorization", as(first)).json()
                .getString("method"));
        problem(409, "already verified", verifyCensus(cycle, first, DOC_B, "1982-09-30", "RV3 4AB"));
        assertEquals(200, postJson(base, proposals + "/" + bench + "/support", "", "Authorization", as(first))
                .status(), "a verified resident of the district supports");

        // One person, one account: the same census identity cannot verify a second account.
        long refusedBefore = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'eligibility.secondAccountRefused'");
        problem(409, "already verified another account", verifyCensus(cycle, second, DOC_A, "1970-05-01",
                "RV1 2AB"));
        assertEquals(0, count("SELECT COUNT(*) FROM eligibility_verification WHERE cycle_id = ? AND account = ?",
                cycle, second));
        assertEquals(refusedBefore + 1,
                count("SELECT COUNT(*) FROM audit_entry WHERE action = 'eligibility.secondAccountRefused'"),
                "the refusal is audited");
        assertEquals(List.of("anonymous", "cycle=" + cycle + " method=census"), cells("SELECT actor, detail FROM"
                + " audit_entry WHERE action = 'eligibility.secondAccountRefused' ORDER BY seq DESC FETCH FIRST 1"
                + " ROWS ONLY"), "without identity");

        // Wrong district: verified in Mill Quarter, refused a support for an Old Town proposal.
        assertEquals("Mill Quarter", verifyCensus(cycle, second, DOC_B, "1982-09-30", "RV3 4AB").json()
                .getString("district"));
        problem(403, "you are verified as a resident of Mill Quarter", postJson(base, proposals + "/" + bench
                + "/support", "", "Authorization", as(second)));
        // ... and refused a proposal for Old Town (nothing stored), while one for Mill Quarter is taken.
        String towpath = "{\"title\":\"Lights on the towpath\",\"description\":\"It is dark\",\"district\":"
                + "\"Old Town\",\"roughCost\":3000}";
        problem(403, "cannot propose for Old Town", postJson(base, proposals, towpath, "Authorization", as(second)));
        assertEquals(proposalsBefore, count("SELECT COUNT(*) FROM proposal WHERE cycle_id = ?", cycle));
        assertEquals(201, postJson(base, proposals, towpath.replace("Old Town", "Mill Quarter"), "Authorization",
                as(second)).status(), "a verified resident proposes for their own district");
        assertEquals(201, postJson(base, proposals, towpath, "Authorization", as(first)).status(),
                "the resident verified in Old Town proposes for it");
        assertEquals(proposalsBefore + 2, count("SELECT COUNT(*) FROM proposal WHERE cycle_id = ?", cycle));

        // Under the minimum age: refused, the census line stays unused.
        problem(403, "at least 16", verifyCensus(cycle, young, DOC_YOUNG, YOUNG_BORN, "RV1 9ZZ"));

        // Postal codes: issued once as CSV, each verifies one account.
        assertEquals(403, postJson(base, electorate(cycle) + "/codes", "{\"district\":\"Mill Quarter\",\"count\":2}",
                "Authorization", as(first)).status());
        ItSupport.Reply codes = postJson(base, electorate(cycle) + "/codes",
                "{\"district\":\"Mill Quarter\",\"count\":2}", "Authorization", OFFICER);
        assertEquals(200, codes.status(), codes.body());
        assertTrue(codes.contentType().startsWith("text/csv"), codes.contentType());
        String[] lines = codes.body().strip().split("\n");
        assertEquals(3, lines.length, codes.body());
        String code = lines[1].split(",")[1];
        assertTrue(code.matches("[2-9A-Z]{5}-[2-9A-Z]{5}"), code);
        problem(400, "not a valid code", verifyCode(cycle, byCode, "AAAAA-AAAAA"));
        ItSupport.Reply byPost = verifyCode(cycle, byCode, code.toLowerCase());
        assertEquals(201, byPost.status(), byPost.body());
        assertEquals("Mill Quarter", byPost.json().getString("district"));
        problem(409, "already verified an account", verifyCode(cycle, young, code));

        // In person: an officer names the account; the audit log names the officer and the resident's pseudonym.
        String inPersonBody = "{\"username\":\"" + inPerson + "\",\"district\":\"Old Town\"}";
        assertEquals(403, postJson(base, electorate(cycle) + "/in-person", inPersonBody, "Authorization",
                as(first)).status());
        problem(400, "no account", postJson(base, electorate(cycle) + "/in-person",
                "{\"username\":\"nobody-" + System.nanoTime() + "\",\"district\":\"Old Town\"}", "Authorization",
                OFFICER));
        assertEquals(201, postJson(base, electorate(cycle) + "/in-person", inPersonBody, "Authorization", OFFICER)
                .status());
        assertEquals(200, postJson(base, proposals + "/" + bench + "/support", "", "Authorization", as(inPerson))
                .status());
        List<String> inPersonEntry = cells("SELECT actor, detail FROM audit_entry WHERE action ="
                + " 'eligibility.verifiedInPerson' AND detail LIKE ? ORDER BY seq DESC", "cycle=" + cycle + " %");
        assertEquals("officer", inPersonEntry.get(0));
        assertTrue(inPersonEntry.get(1).matches("cycle=" + cycle + " pseudonym=[0-9a-f]{32} district=Old Town"),
                inPersonEntry.get(1));
        assertEquals(4, get(base, electorate(cycle)).json().getInt("verified"));

        // Nothing identifying in clear: not in the eligibility tables, not in the audit log.
        List<String> stored = new ArrayList<>();
        stored.addAll(cells("SELECT * FROM eligibility_census WHERE cycle_id = ?", cycle));
        stored.addAll(cells("SELECT * FROM eligibility_code WHERE cycle_id = ?", cycle));
        stored.addAll(cells("SELECT * FROM eligibility_verification WHERE cycle_id = ?", cycle));
        assertEquals(3, count("SELECT COUNT(*) FROM eligibility_census WHERE cycle_id = ?", cycle));
        List<String> audit = cells("SELECT actor, detail FROM audit_entry WHERE action LIKE 'eligibility.%'");
        String compactCode = code.replace("-", "");
        for (String secret : List.of(DOC_A, DOC_B, DOC_YOUNG, "1970-05-01", "1982-09-30", YOUNG_BORN, "RV12AB",
                "RV1 2AB", compactCode, code)) {
            for (String v : stored) {
                assertFalse(v.toUpperCase().contains(secret), "stored in clear: " + secret + " in " + v);
            }
            for (String v : audit) {
                assertFalse(v != null && v.toUpperCase().contains(secret), "audited in clear: " + secret);
            }
        }
        for (String user : List.of(first, second, young, byCode, inPerson)) {
            for (String v : audit) {
                assertFalse(v != null && v.contains(user), "the audit log names " + user + ": " + v);
            }
        }
        String publicLog = get(base, "/api/v1/audit/entries?max=1000").body();
        for (String secret : List.of(DOC_A, DOC_B, first, second, inPerson)) {
            assertFalse(publicLog.contains(secret), "the public log shows " + secret);
        }

        // The vote: unverified ballots refused with nothing recorded; the electorate frozen. The phase is set
        // directly (a cycle reaches VOTE only after a jury, evidence and options) and set back afterwards, so the
        // row is again exactly what the audit chain recorded.
        setPhase(cycle, "VOTE");
        try {
            long registered = count("SELECT COUNT(*) FROM voter_register WHERE cycle_id = ?", cycle);
            long ballots = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ?", cycle);
            String ballot = "{\"channel\":\"RESIDENTS\",\"ranking\":[\"A\"]}";
            problem(403, "Only verified residents", postJson(base, "/api/v1/cycles/" + cycle + "/ballots", ballot,
                    "Authorization", as(never)));
            assertEquals(registered, count("SELECT COUNT(*) FROM voter_register WHERE cycle_id = ?", cycle));
            assertEquals(ballots, count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ?", cycle));
            // the vote page says why, links to the verification page and offers no ballot
            String page = new WebSession(base).signedIn(never, PASSWORD).get("/account/vote.xhtml?id=" + cycle)
                    .body();
            assertTrue(page.contains("Only verified residents"), "says why");
            assertTrue(page.contains("/account/verify.xhtml?id=" + cycle), "links to the verification page");
            assertFalse(page.contains("id=\"ballot\""), "no ballot form");
            // a verified resident gets past eligibility (this cycle has no options, so the ranking is what is wrong)
            ItSupport.Reply verifiedBallot = postJson(base, "/api/v1/cycles/" + cycle + "/ballots", ballot,
                    "Authorization", as(first));
            assertEquals(400, verifiedBallot.status(), verifiedBallot.body());

            problem(409, "once the vote is open", put(base, electorate(cycle), define, "Authorization", OFFICER));
            problem(409, "once the vote is open", putAs(base, electorate(cycle) + "/census", "text/csv", header
                    + DOC_A + ",1970-05-01,RV1 2AB,Old Town\n", "Authorization", OFFICER));
            assertEquals(16, get(base, electorate(cycle)).json().getInt("minAge"));
        } finally {
            setPhase(cycle, "RECRUIT");
        }
        assertTrue(ItSupport.fullVerify(base).getBoolean("valid"), "the audit chain is whole");
    }

    @Test
    void aCycleWithoutElectorateStaysOpenToAnyAccount() throws Exception {
        long voting = ItSupport.cycleInPhase(base, "VOTE");
        JsonObject summary = get(base, electorate(voting)).json();
        assertTrue(summary.getBoolean("open"));
        assertEquals(0, summary.getJsonArray("districts").size());
        String page = get(base, "/cycle.xhtml?id=" + voting, "Accept-Language", "en").body();
        assertTrue(page.contains("Open to any signed-in account"), "the cycle page says who may vote");
    }

    @Test
    void theDemoProposalsCycleHasAnElectorateWithVerifiedResidents() throws Exception {
        long demo = ItSupport.cycleTitled(base, "Neighbourhood ideas 2027");
        JsonObject summary = get(base, electorate(demo)).json();
        assertFalse(summary.getBoolean("open"));
        assertEquals(3, summary.getJsonArray("districts").size());
        assertTrue(summary.getInt("censusPeople") >= 10);
        assertTrue(summary.getInt("verified") >= 4);
        String page = get(base, "/cycle.xhtml?id=" + demo, "Accept-Language", "en").body();
        assertTrue(page.contains("Verified residents of Riverside North, Old Town, Mill Quarter"), "says who");
    }
}
