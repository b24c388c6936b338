package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.audit.chain.BallotLeaf;
import org.civicloop.voting.count.cli.CountCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A campaign flagged, then excluded by an officer with a public reason: the ballots stay in the box (its root, the
 * export's VOTES, the receipts' proofs), the count leaves them out, the results JSON and the .pb name them with the
 * reason, a recount of the export alone agrees with the published count, the public page and the voter's receipt
 * check say so, and the decision is in the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CampaignDecisionIT {

    private static final String REASON = "Eight identical ballots in two minutes from new accounts";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
    }

    /** A published cycle of its own in VOTE, greedy, budget 30,000, options A and B (30,000 each) and C (10,000). */
    private static long votingCycle() throws Exception {
        long id = newId();
        try (Connection c = ItSupport.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycle (id, council, title, question, currency,"
                    + " phase, published, demo, created_at, created_by, version, mandate_published_at, budget_amount,"
                    + " counting_rule, resident_ballot) VALUES (?, 'IT Council', ?, 'What should we fund?', 'GBP',"
                    + " 'VOTE', TRUE, FALSE, ?, 'officer', 0, ?, 30000, 'GREEDY', TRUE)")) {
                Timestamp then = Timestamp.from(Instant.now().minusSeconds(86_400 * 10));
                ps.setLong(1, id);
                ps.setString(2, "Campaign decision " + ItSupport.db() + " " + id);
                ps.setTimestamp(3, then);
                ps.setTimestamp(4, then);
                ps.executeUpdate();
            }
            for (String[] o : new String[][]{{"A", "Skate park", "30000"}, {"B", "Bus shelters", "30000"},
                    {"C", "Benches", "10000"}}) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO budget_option (id, cycle_id, code, title,"
                        + " cost, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, newId());
                    ps.setLong(2, id);
                    ps.setString(3, o[0]);
                    ps.setString(4, o[1]);
                    ps.setLong(5, Long.parseLong(o[2]));
                    ps.setTimestamp(6, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
            }
        }
        return id;
    }

    private static List<String> flaggedReceipts(long cycle) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT receipt FROM ballot WHERE cycle_id = ? AND flagged = TRUE ORDER BY receipt")) {
            ps.setLong(1, cycle);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void sql(String sql, Object... args) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private HttpResponse<String> decide(WebSession officer, long cycle, String group, String exclude, String reason)
            throws Exception {
        String page = officer.get("/officer/cycle.xhtml?id=" + cycle).body();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("decide_SUBMIT", "1");
        f.put("decide:group", group);
        if (exclude != null) {
            f.put("decide:exclude", exclude);
        }
        f.put("decide:reason", reason);
        f.put("decide:record", "Record the decision");
        f.put("jakarta.faces.ViewState", WebSession.viewState(page));
        return officer.postForm("/officer/cycle.xhtml?id=" + cycle, f);
    }

    private static String recount(String pb) throws Exception {
        Path file = Files.createTempFile("campaign", ".pb");
        Files.writeString(file, pb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CountCommand.run(new String[]{"--rule", "greedy", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Files.delete(file);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return winners(out.toString(StandardCharsets.UTF_8));
    }

    static String winners(String countJson) {
        Matcher m = Pattern.compile("\"winners\":\\s*\\[([^\\]]*)\\]").matcher(countJson);
        assertTrue(m.find(), countJson);
        return m.group(1).replaceAll("\\s", "");
    }

    @Test
    void anExcludedCampaignStaysInTheBoxAndEveryCountLeavesItOut() throws Exception {
        long cycle = votingCycle();
        org.civicloop.load.BallotLoad load = new org.civicloop.load.BallotLoad(base.toString());
        List<String> sessions = load.signUp("excl" + ItSupport.db() + (newId() % 100_000), 16, 3);
        // Eight residents rank B first (no more than four alike, so none is flagged); then eight identical A,C,B.
        for (int i = 0; i < 8; i++) {
            assertEquals(201, load.castOne(cycle, sessions.get(i), i % 2 == 0 ? List.of("B", "A", "C")
                    : List.of("B", "C", "A")));
        }
        for (int i = 8; i < 16; i++) {
            assertEquals(201, load.castOne(cycle, sessions.get(i), List.of("A", "C", "B")));
        }
        List<String> flagged = flaggedReceipts(cycle);
        assertEquals(4, flagged.size(), "the fifth to eighth identical ballots are flagged");

        WebSession officer = new WebSession(base).signedIn("officer", ItSupport.DEMO_PASSWORD);
        // No reason: refused with a message, nothing recorded.
        HttpResponse<String> refused = decide(officer, cycle, "A,C,B", "true", "  ");
        assertTrue(refused.body().contains("Give a public reason"), refused.body());
        assertTrue(officer.get("/officer/cycle.xhtml?id=" + cycle).body().contains("Not decided (counted)"));
        HttpResponse<String> done = decide(officer, cycle, "A,C,B", "true", REASON);
        assertTrue(done.statusCode() < 400, done.body());
        String workspace = officer.get("/officer/cycle.xhtml?id=" + cycle).body();
        assertTrue(workspace.contains("Excluded: " + REASON), "each flagged ballot shows the decision: " + workspace);

        // Close the vote (this cycle has no jury, so the phase is set as a closed vote leaves it).
        sql("UPDATE cycle SET phase = 'DECIDE' WHERE id = ?", cycle);

        JsonObject results = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/results").json();
        JsonObject residents = results.getJsonObject("residents");
        assertEquals(12, residents.getInt("ballots"), "the count leaves out the four excluded ballots");
        JsonObject treatment = residents.getJsonObject("flagged");
        assertEquals(4, treatment.getInt("ballots"));
        assertEquals(0, treatment.getInt("counted"));
        assertEquals(4, treatment.getInt("excluded"));
        assertEquals(REASON, treatment.getJsonArray("decisions").getJsonObject(0).getString("reason"));
        List<String> excluded = treatment.getJsonArray("excludedReceipts").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("receipt")).toList();
        assertEquals(flagged, excluded, "every excluded receipt is published");
        // Generated text in the reader's language (?lang, else Accept-Language), the same data beside it.
        assertEquals("LEXICOGRAPHIC", results.getString("tieBreakCode"));
        assertTrue(results.getString("tieBreak").startsWith("lexicographic order"), results.getString("tieBreak"));
        JsonObject spanish = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/results?lang=es").json();
        assertEquals("LEXICOGRAPHIC", spanish.getString("tieBreakCode"));
        assertTrue(spanish.getString("tieBreak").startsWith("orden lexicográfico"), spanish.getString("tieBreak"));
        assertEquals(spanish.getString("tieBreak"), ItSupport.get(base, "/api/v1/cycles/" + cycle + "/results",
                "Accept-Language", "es-ES").json().getString("tieBreak"));
        assertEquals(residents.getJsonObject("flagged"), spanish.getJsonObject("residents").getJsonObject("flagged"));
        String published = winners(residents.getJsonObject("count").toString());
        assertEquals("\"B\"", published, "without the campaign, B has the most points");

        String pb = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/ballots-residents.pb").body();
        assertTrue(pb.contains("\nnum_votes;16\n"), "every ballot stays in the export: " + pb);
        assertTrue(pb.contains("\nnum_excluded;4\n"), pb);
        for (String receipt : flagged) {
            assertTrue(pb.contains("\n" + receipt + ";A,C,B;" + REASON + "\n"), receipt + " with the reason: " + pb);
        }
        List<BallotLeaf.Entry> all = new ArrayList<>();
        pb.lines().dropWhile(l -> !l.equals("VOTES")).skip(2).forEach(l -> {
            String[] f = l.split(";", -1);
            all.add(new BallotLeaf.Entry(f[0], "RESIDENTS", f[1]));
        });
        assertEquals(16, all.size());
        Matcher root = Pattern.compile("\nballot_box_root;([0-9a-f]{64})\n").matcher(pb);
        assertTrue(root.find());
        assertEquals(BallotLeaf.tree(all).rootHex(), root.group(1), "the box's root still covers the excluded ballots");

        assertEquals(published, recount(pb), "a recount of the export alone gives the published result");
        // The same with the shipped tool, as anyone runs it: count, and verify-ballots over every row.
        Path file = Files.createTempFile("campaign", ".pb");
        Files.writeString(file, pb);
        String[] shipped = jar("count", "--rule", "greedy", file.toString());
        assertEquals("0", shipped[0], shipped[2]);
        assertEquals(published, winners(shipped[1]), "the shipped tool recounts with the exclusion");
        String[] verified = jar("verify-ballots", "--ballots", file.toString(), "--root", root.group(1));
        assertEquals("0", verified[0], verified[1] + verified[2]);
        assertTrue(verified[1].contains("\"size\": 16"), verified[1]);
        Files.delete(file);
        String ignoringExclusions = pb.replace("voter_id;vote;excluded", "voter_id;vote;note")
                .replace("num_excluded;4\n", "");
        assertNotEquals(published, recount(ignoringExclusions), "the exclusion is what changes the result");

        // The public results page says how many were flagged and how they were treated.
        String page = new WebSession(base).language("en").get("/cycle.xhtml?id=" + cycle).body();
        assertTrue(page.contains("id=\"resident-flagged\""), page);
        assertTrue(page.contains("4 residents&#39; ballots were flagged as a possible campaign")
                || page.contains("4 residents' ballots were flagged as a possible campaign"), page);
        assertTrue(page.contains("0 counted, 4 excluded"), page);
        assertTrue(page.contains("4 ballots excluded: " + REASON), page);
        String es = new WebSession(base).language("es").get("/cycle.xhtml?id=" + cycle).body();
        assertTrue(es.contains("4 papeletas excluidas: " + REASON), es);

        // The voter whose ballot was excluded is told, with the reason; a counted voter is not.
        assertTrue(receiptPage(flagged.get(0)).contains("Your ballot was excluded from the count"));
        assertTrue(receiptPage(flagged.get(0)).contains(REASON));
        String counted = pb.lines().dropWhile(l -> !l.equals("VOTES")).skip(2).filter(l -> l.endsWith(";"))
                .findFirst().orElseThrow().split(";")[0];
        assertFalse(receiptPage(counted).contains("excluded from the count"));

        // Audited; final once the vote has closed.
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'voting.flaggedDecided' AND detail LIKE ?")) {
            ps.setString(1, "cycle=" + cycle + ";%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(4, rs.getLong(1), "one entry per decided ballot");
            }
        }
        String closed = officer.get("/officer/cycle.xhtml?id=" + cycle).body();
        assertTrue(closed.contains("Excluded: " + REASON), closed);
        assertFalse(closed.contains("id=\"decide\""), "no decision form once the vote has closed");
    }

    @Test
    void theCountsSupportLinesComeInTheRequestsLanguageWithTheirData() throws Exception {
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        List<JsonObject> en = ItSupport.get(base, "/api/v1/cycles/" + closed + "/recommendations",
                "Authorization", officer).array().getValuesAs(JsonObject.class);
        List<JsonObject> es = ItSupport.get(base, "/api/v1/cycles/" + closed + "/recommendations?lang=es",
                "Authorization", officer).array().getValuesAs(JsonObject.class);
        JsonObject counted = en.stream().filter(r -> "recommendation.support".equals(r.getString("supportCode", null)))
                .findFirst().orElseThrow(() -> new AssertionError("a recommendation from the count: " + en));
        JsonObject same = es.stream().filter(r -> r.getInt("id") == counted.getInt("id")).findFirst().orElseThrow();
        assertEquals(counted.getJsonObject("supportValues"), same.getJsonObject("supportValues"));
        assertTrue(counted.getString("support").contains("first choice of"), counted.getString("support"));
        assertTrue(same.getString("support").contains("primera opción de"), same.getString("support"));
    }

    /** {@code java -jar target/civicloop-tools.jar ARGS} in a fresh JVM: exit code, standard output, errors. */
    private static String[] jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of("target", "civicloop-tools.jar").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("tools", ".out");
        Path err = Files.createTempFile("tools", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the tool finished: " + command);
        String[] run = {Integer.toString(p.exitValue()), Files.readString(out), Files.readString(err)};
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private String receiptPage(String receipt) throws Exception {
        WebSession web = new WebSession(base).language("en");
        String page = web.get("/receipt.xhtml").body();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("receipt_SUBMIT", "1");
        f.put("receipt:code", receipt);
        f.put("receipt:check", "Check");
        f.put("jakarta.faces.ViewState", WebSession.viewState(page));
        return web.postForm("/receipt.xhtml", f).body();
    }
}
