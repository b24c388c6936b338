package org.civicloop.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.audit.chain.BallotLeaf;
import org.civicloop.cycle.CountingRule;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.cli.CountCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recounts need nothing unpublished: for every rule the application offers, {@code count --rule RULE} on the
 * {@code .pb} export (no other option) elects the winners the application counted, STV included (its number of
 * seats is in the export).
 */
class RecountFromExportTest {

    private static final List<BudgetOption> OPTIONS = List.of(
            new BudgetOption(1L, "BENCH", "Benches", null, 20_000, Instant.EPOCH),
            new BudgetOption(1L, "LIB", "Library hours", null, 60_000, Instant.EPOCH),
            new BudgetOption(1L, "PARK", "Park lights", null, 45_000, Instant.EPOCH),
            new BudgetOption(1L, "PLAY", "Playground", null, 30_000, Instant.EPOCH),
            new BudgetOption(1L, "TREE", "Street trees", null, 25_000, Instant.EPOCH));

    private static List<Ballot> ballots(long seed) {
        Random random = new Random(seed);
        List<Ballot> out = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            List<String> codes = new ArrayList<>(OPTIONS.stream().map(BudgetOption::getCode).toList());
            java.util.Collections.shuffle(codes, random);
            out.add(new Ballot(1L, Ballot.Channel.JURY, "R-" + (1000 + i), codes.subList(0, 1 + random.nextInt(5)),
                    LocalDate.of(2026, 5, 1)));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(CountingRule.class)
    void countOnTheExportGivesThePublishedWinners(CountingRule rule) throws Exception {
        List<Ballot> ballots = ballots(rule.ordinal());
        BallotCounting.BallotBox box = BallotCounting.ballotBox(
                BallotCounting.election(rule, "Test", OPTIONS, 100_000), OPTIONS, ballots);
        CountResult published = BallotCounting.count(rule, box.election(), box.profile(), ballots.size());
        assertFalse(published.winners().isEmpty(), rule + " elects someone");

        String pb = BallotExport.pabulib(new BallotExport.Header(1, "Test", "Council", 100_000, rule, "EUR"),
                CostedOption.of(OPTIONS),
                ballots, Ballot.Channel.JURY, java.util.Map.of());
        assertTrue(pb.contains("\nrule;" + rule.cliName() + "\n"), pb);
        assertTrue(pb.contains("\ntie_break;"), "the tie rule is stated");
        if (rule.name().startsWith("STV")) {
            assertTrue(pb.contains("\nseats;2\n"), "an STV count states its seats: " + pb);
            assertEquals(2, published.winners().size());
        }
        Path file = Files.createTempFile("recount", ".pb");
        Files.writeString(file, pb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CountCommand.run(new String[]{"--rule", meta(pb, "rule"), file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String recount = out.toString(StandardCharsets.UTF_8);
        Matcher winners = Pattern.compile("\"winners\":\\s*\\[([^\\]]*)\\]").matcher(recount);
        assertTrue(winners.find(), recount);
        List<String> recounted = Pattern.compile("\"([^\"]+)\"").matcher(winners.group(1)).results()
                .map(m -> m.group(1)).toList();
        assertEquals(published.winners(), recounted, rule + ": " + recount);
        Files.delete(file);
    }

    @Test
    void theExportCarriesTheBoxRootAndNoDayOfCasting() {
        List<Ballot> ballots = ballots(7);
        String pb = BallotExport.pabulib(new BallotExport.Header(1, "Test", "Council", 100_000, CountingRule.IRV,
                "EUR"), CostedOption.of(OPTIONS), ballots, Ballot.Channel.JURY, java.util.Map.of());
        String root = BallotLeaf.tree(ballots.stream().map(b -> new BallotLeaf.Entry(b.getReceipt(), "JURY",
                b.getRanking())).toList()).rootHex();
        assertEquals(root, meta(pb, "ballot_box_root"));
        assertEquals("jury", meta(pb, "channel"));
        assertFalse(pb.contains("2026-05-01") || pb.contains("cast"), "no day of casting: " + pb);
    }

    @Test
    void excludedBallotsStayInTheBoxAndTheRecountLeavesThemOut() throws Exception {
        List<Ballot> ballots = new ArrayList<>(ballots(3));
        // A burst of identical rankings for PLAY, big enough to win it the budget if counted.
        for (int i = 0; i < 30; i++) {
            ballots.add(new Ballot(1L, Ballot.Channel.RESIDENTS, "R-C" + (100 + i), List.of("PLAY", "LIB"),
                    LocalDate.of(2026, 5, 1)));
        }
        java.util.Map<String, String> excluded = new java.util.TreeMap<>();
        ballots.stream().filter(b -> b.getReceipt().startsWith("R-C"))
                .forEach(b -> excluded.put(b.getReceipt(), "Cast in one minute; \"one\" address"));
        List<Ballot> counted = ballots.stream().filter(b -> !excluded.containsKey(b.getReceipt())).toList();
        CountingRule rule = CountingRule.GREEDY;
        BallotCounting.BallotBox box = BallotCounting.ballotBox(
                BallotCounting.election(rule, "Test", OPTIONS, 100_000), OPTIONS, counted);
        CountResult published = BallotCounting.count(rule, box.election(), box.profile(), counted.size());
        BallotCounting.BallotBox all = BallotCounting.ballotBox(
                BallotCounting.election(rule, "Test", OPTIONS, 100_000), OPTIONS, ballots);
        CountResult withCampaign = BallotCounting.count(rule, all.election(), all.profile(), ballots.size());
        assertFalse(published.winners().equals(withCampaign.winners()), "the exclusion changes the result");

        String pb = BallotExport.pabulib(new BallotExport.Header(1, "Test", "Council", 100_000, rule, "EUR"),
                CostedOption.of(OPTIONS),
                ballots, Ballot.Channel.RESIDENTS, excluded);
        assertEquals("30", meta(pb, "num_excluded"));
        assertEquals(Integer.toString(ballots.size()), meta(pb, "num_votes"), "every ballot stays in the file");
        assertTrue(pb.contains("\nVOTES\nvoter_id;vote;excluded\n"), pb);
        assertTrue(pb.contains("\nR-C100;PLAY,LIB;Cast in one minute, 'one' address\n"), "the reason beside it: " + pb);
        assertEquals(BallotLeaf.tree(ballots.stream().map(b -> new BallotLeaf.Entry(b.getReceipt(), b.getChannel().name(),
                b.getRanking())).toList()).rootHex(), meta(pb, "ballot_box_root"), "the root covers excluded ballots");

        Path file = Files.createTempFile("recount", ".pb");
        Files.writeString(file, pb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CountCommand.run(new String[]{"--rule", meta(pb, "rule"), file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Matcher winners = Pattern.compile("\"winners\":\\s*\\[([^\\]]*)\\]").matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(winners.find());
        assertEquals(published.winners(), Pattern.compile("\"([^\"]+)\"").matcher(winners.group(1)).results()
                .map(m -> m.group(1)).toList(), "the recount leaves out the excluded ballots");
        Files.writeString(file, pb.replace("num_excluded;30", "num_excluded;29"));
        assertEquals(2, CountCommand.run(new String[]{"--rule", meta(pb, "rule"), file.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())),
                "a file whose exclusions do not add up is refused");
        Files.delete(file);
    }

    private static String meta(String pb, String key) {
        Matcher m = Pattern.compile("\n" + key + ";([^\n]*)\n").matcher(pb);
        assertTrue(m.find(), key + " in " + pb);
        return m.group(1);
    }
}
