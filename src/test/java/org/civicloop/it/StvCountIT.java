package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.civicloop.load.BallotLoad;
import org.civicloop.voting.count.cli.CountCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cycle whose mandate fixes an STV rule is counted inside the app with that rule, electing half the options, and
 * the offline tool, given only the published ballots, counts the same winners through the same rounds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StvCountIT {

    /**
     * Sixteen rankings of four options (never more than four alike, so no burst is flagged as a campaign). First
     * preferences: A 7, B 3, C 4, D 2. With two seats A reaches the quota at once; the second seat is decided only
     * after A's surplus is transferred and D is excluded and transferred: rounds beyond the first preferences, and no
     * tie along the way.
     */
    private static final List<List<String>> RANKINGS = List.of(
            List.of("A", "B", "C", "D"), List.of("A", "B", "C", "D"), List.of("A", "B", "C", "D"),
            List.of("A", "B", "C", "D"), List.of("A", "C", "B", "D"), List.of("A", "B", "D", "C"),
            List.of("A", "D", "B", "C"),
            List.of("B", "A", "D", "C"), List.of("B", "A", "D", "C"), List.of("B", "D", "A", "C"),
            List.of("C", "D", "B", "A"), List.of("C", "D", "B", "A"), List.of("C", "D", "A", "B"),
            List.of("C", "B", "D", "A"),
            List.of("D", "C", "A", "B"), List.of("D", "B", "C", "A"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
    }

    @Test
    void meekStvCountedInTheAppMatchesTheOfflineRecount() throws Exception {
        countedAsTheOfflineToolRecountsIt("STV_MEEK");
    }

    @Test
    void scottishStvCountedInTheAppMatchesTheOfflineRecount() throws Exception {
        countedAsTheOfflineToolRecountsIt("STV_SCOTTISH");
    }

    private void countedAsTheOfflineToolRecountsIt(String rule) throws Exception {
        long cycle = votingCycle(rule);
        BallotLoad load = new BallotLoad(base.toString());
        List<String> sessions = load.signUp("stv" + ItSupport.db() + (newId() % 1_000_000), RANKINGS.size(), 3);
        for (int i = 0; i < RANKINGS.size(); i++) {
            assertEquals(201, load.castOne(cycle, sessions.get(i), RANKINGS.get(i)), "ballot " + i + " is cast");
        }
        // Close the vote (this cycle has no jury, so the use case's gate would refuse: the phase is set as a closed
        // vote leaves it; the count is then stored on the first read, audited, as for a vote closed before counts
        // were stored).
        try (Connection c = ItSupport.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE cycle SET phase = 'DECIDE' WHERE id = ?")) {
            ps.setLong(1, cycle);
            assertEquals(1, ps.executeUpdate());
        }

        ItSupport.Reply results = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/results",
                "Accept-Language", "en");
        assertEquals(200, results.status(), results.body());
        JsonObject published = results.json();
        String cliRule = rule.toLowerCase().replace('_', '-');
        assertEquals(cliRule, published.getString("rule"), "the mandate's rule is the one used");
        assertEquals(2, published.getInt("seats"), "STV elects half the options");
        JsonObject residents = published.getJsonObject("residents");
        assertEquals(RANKINGS.size(), residents.getInt("ballots"), "every ballot is counted");
        assertTrue(residents.getBoolean("stored"), "the count is stored once the vote has closed: " + residents);
        ItSupport.Reply again = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/recount");
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().getBoolean("matches"), "a recount in the app equals the stored count: " + again.body());
        JsonObject count = residents.getJsonObject("count");
        List<String> winners = strings(count.getJsonArray("winners"));
        assertEquals(2, winners.size(), count.toString());
        assertTrue(winners.contains("A"), "A's first preferences reach the quota: " + count);
        assertTrue(count.getJsonArray("rounds").size() > 2, "the second seat needs exclusions and transfers: " + count);

        ItSupport.Reply pb = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/ballots-residents.pb");
        assertEquals(200, pb.status(), pb.body());
        assertTrue(pb.body().contains("\nrule;" + cliRule + "\n"), "the export states the rule: " + pb.body());
        JsonObject recount = recount(cliRule, pb.body());
        assertEquals(count.getJsonArray("winners"), recount.getJsonArray("winners"),
                "the offline tool elects the same options");
        assertEquals(steps(count.getJsonArray("rounds")), steps(recount.getJsonArray("rounds")),
                "round by round, the same steps with the same figures");
    }

    /** A published cycle of its own in VOTE with the given rule, a residents' ballot and options A to D. */
    private static long votingCycle(String rule) throws Exception {
        long id = newId();
        Timestamp then = Timestamp.from(Instant.now().minusSeconds(86_400 * 10));
        try (Connection c = ItSupport.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycle (id, council, title, question, currency,"
                    + " phase, published, demo, created_at, created_by, version, mandate_published_at, budget_amount,"
                    + " counting_rule, resident_ballot) VALUES (?, 'IT Council', ?, 'What should we fund?', 'GBP',"
                    + " 'VOTE', TRUE, FALSE, ?, 'officer', 0, ?, 40000, ?, TRUE)")) {
                ps.setLong(1, id);
                ps.setString(2, "STV count " + rule + " " + ItSupport.db() + " " + id);
                ps.setTimestamp(3, then);
                ps.setTimestamp(4, then);
                ps.setString(5, rule);
                ps.executeUpdate();
            }
            for (String[] o : new String[][]{{"A", "Skate park"}, {"B", "Bus shelters"}, {"C", "Benches"},
                    {"D", "Street trees"}}) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO budget_option (id, cycle_id, code, title,"
                        + " cost, created_at) VALUES (?, ?, ?, ?, 10000, ?)")) {
                    ps.setLong(1, newId());
                    ps.setLong(2, id);
                    ps.setString(3, o[0]);
                    ps.setString(4, o[1]);
                    ps.setTimestamp(5, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
            }
        }
        return id;
    }

    /** The offline tool's count of the exported ballots, with the rule the export states. */
    private static JsonObject recount(String rule, String pb) throws Exception {
        Path file = Files.createTempFile("stv", ".pb");
        try {
            Files.writeString(file, pb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = CountCommand.run(new String[]{"--rule", rule, file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            return Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(JsonValue.class).stream().map(v -> v.toString().replace("\"", "")).toList();
    }

    /** Each round as data: its action, the explanation's code and values. */
    private static List<String> steps(JsonArray rounds) {
        List<String> out = new ArrayList<>();
        for (JsonObject r : rounds.getValuesAs(JsonObject.class)) {
            out.add(r.get("round") + " " + r.get("action") + " " + r.get("code") + " " + r.get("values"));
        }
        return out;
    }
}
