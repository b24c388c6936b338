package org.civicloop.voting.count.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountException;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.TestFiles;
import org.civicloop.voting.count.io.ElectionFile;
import org.civicloop.voting.count.text.ExplanationText;
import org.junit.jupiter.api.Test;

class StvTest {

    private static final Set<String> M135_WINNERS = Set.of("1", "2", "3", "4", "6", "9", "10");

    @Test
    void m135BothVariantsElectTheReferenceWinners() {
        ElectionFile f = TestFiles.read(TestFiles.resource("M135.blt"));
        for (String rule : List.of("stv-meek", "stv-scottish")) {
            CountResult r = Rules.count(rule, f.election(), f.profile(), CountOptions.DEFAULT);
            assertEquals(M135_WINNERS, new TreeSet<>(r.winners()), rule);
            assertEquals(18, r.lost().size(), rule);
        }
    }

    /** Every stage of the Scottish count against the reference report (values to 5 decimals). */
    @Test
    void m135ScottishStagesMatchTheReferenceReport() throws IOException {
        ElectionFile f = TestFiles.read(TestFiles.resource("M135.blt"));
        CountResult r = Rules.count("stv-scottish", f.election(), f.profile(), CountOptions.DEFAULT);
        assertEquals(new BigDecimal("85.00000"), r.summary().get("quota"));
        String report = Files.readString(TestFiles.resource("M135-scotland-fixed-p5-d5.txt"));
        List<Map<String, BigDecimal>> expected = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Pattern line = Pattern.compile("\\t(?:Elected|Hopeful|Defeated|Pending):\\s+C(\\d+) \\(([\\d.]+)\\)");
        for (String block : report.split("\nAction: ")) {
            if (block.startsWith("Transfer defeated") || block.startsWith("Surplus transferred")) {
                Map<String, BigDecimal> v = new LinkedHashMap<>();
                Matcher m = line.matcher(block);
                while (m.find()) {
                    v.put(m.group(1), new BigDecimal(m.group(2)));
                }
                expected.add(v);
                actions.add(block.substring(0, block.indexOf('\n')));
            }
        }
        List<Round> stages = new ArrayList<>();
        for (Round s : r.rounds()) {
            if (s.action().equals("exclude") || s.action().equals("surplus")) {
                stages.add(s);
            }
        }
        assertEquals(20, expected.size());
        assertEquals(expected.size(), stages.size());
        for (int i = 0; i < stages.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> mine = (Map<String, BigDecimal>) stages.get(i).data().get("votes");
            for (Map.Entry<String, BigDecimal> e : expected.get(i).entrySet()) {
                BigDecimal got = mine.getOrDefault(e.getKey(), BigDecimal.ZERO);
                assertEquals(0, e.getValue().compareTo(got), actions.get(i) + ": C" + e.getKey());
            }
            String who = actions.get(i).replaceAll(".*: C(\\d+).*", "$1");
            Object moved = stages.get(i).data().getOrDefault("excluded", stages.get(i).data().get("transferred"));
            assertEquals(who, moved, actions.get(i));
        }
        // the first surplus: 34 / 119 = 0.28571 per ballot, C2 gets 34 ballots' worth
        assertEquals(new BigDecimal("41.71414"), ((Map<?, ?>) stages.get(0).data().get("votes")).get("2"));
    }

    @Test
    void fortyTwoTieCase() {
        ElectionFile f = TestFiles.read(TestFiles.resource("42.blt"));
        // Scottish: quota 3; Castor's surplus 1 gives Pollux 1 (4 x 0.25); Pollux excluded; Helen elected
        CountResult s = Rules.count("stv-scottish", f.election(), f.profile(), CountOptions.DEFAULT);
        assertEquals(List.of("1", "3"), s.winners());
        assertTrue(s.ties().isEmpty());
        // Meek: Pollux and Helen end exactly equal (2 each): a reported tie, broken by id order
        CountResult m = Rules.count("stv-meek", f.election(), f.profile(), CountOptions.DEFAULT);
        assertEquals(1, m.ties().size());
        assertEquals(List.of("2", "3"), m.ties().get(0).tied());
        assertEquals(List.of("1", "2"), m.winners());
    }

    @Test
    void seatsRequiredWithoutBlt() {
        ElectionFile f = TestFiles.read(TestFiles.resource("tennessee.soc"));
        assertThrows(CountException.class, () -> Rules.count("stv-meek", f.election(), f.profile(), null));
        CountResult r = Rules.count("stv-scottish", f.election(), f.profile(), CountOptions.seats(1));
        assertEquals(List.of("4"), r.winners(), "one seat: STV is IRV");
        CountResult r2 = Rules.count("stv-meek", f.election(), f.profile(), CountOptions.seats(1));
        assertEquals(List.of("4"), r2.winners());
    }

    @Test
    void handWorkedScottishSurplus() {
        // 3 seats? no: 2 seats, quota floor(10/3)+1 = 4. a: 6 (3 a>b, 3 a>c), b: 1, c: 3.
        List<Option> opts = List.of(new Option("a", null, null), new Option("b", null, null),
                new Option("c", null, null));
        Election e = Election.ranked("t", opts, 2);
        Profile p = Profile.builder(BallotType.ORDINAL)
                .addRanking(new int[][] {{0}, {1}}, 3)
                .addRanking(new int[][] {{0}, {2}}, 3)
                .addRanking(new int[][] {{1}}, 1)
                .addRanking(new int[][] {{2}}, 3)
                .build();
        CountResult r = Rules.count("stv-scottish", e, p, null);
        // a's surplus 2 of 6: value 0.33333 each; b gets 3 x 0.33333 = 0.99999 -> 1.99999; c 3.99999
        Round surplus = r.rounds().get(1);
        assertEquals(new BigDecimal("1.99999"), ((Map<?, ?>) surplus.data().get("votes")).get("b"));
        assertEquals(new BigDecimal("3.99999"), ((Map<?, ?>) surplus.data().get("votes")).get("c"));
        assertEquals(new BigDecimal("0.00002"), surplus.data().get("residual"));
        assertEquals(List.of("a", "c"), r.winners());
        assertTrue(ExplanationText.english().lost(r).get("b").contains("Excluded"), ExplanationText.english().lost(r).get("b"));
    }
}
