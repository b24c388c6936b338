package org.civicloop.voting.count.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountException;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.TestFiles;
import org.civicloop.voting.count.io.ElectionFile;
import org.civicloop.voting.count.text.ExplanationText;
import org.junit.jupiter.api.Test;

class RankedRulesTest {

    private static CountResult count(String rule, ElectionFile f) {
        return Rules.count(rule, f.election(), f.profile(), CountOptions.DEFAULT);
    }

    @Test
    void tennessee() {
        ElectionFile f = TestFiles.read(TestFiles.resource("tennessee.soc"));
        CountResult irv = count("irv", f);
        assertEquals(List.of("4"), irv.winners(), "IRV: Knoxville");
        assertEquals(3, irv.rounds().size());
        assertEquals("3", irv.rounds().get(0).data().get("eliminated"), "Chattanooga (15) goes first");
        assertEquals("2", irv.rounds().get(1).data().get("eliminated"), "then Nashville (26)");
        assertEquals(Map.of("4", Fraction.of(15)), irv.rounds().get(0).data().get("transfers"));
        assertTrue(ExplanationText.english().lost(irv).get("3").contains("round 1 with 15 votes"), ExplanationText.english().lost(irv).get("3"));
        assertEquals(List.of("2"), count("schulze", f).winners(), "Schulze: Nashville");
        assertEquals("2", CondorcetCheck.winner(f.election(), f.profile()));
        assertEquals(List.of("2"), count("condorcet", f).winners());
        CountResult borda = count("borda", f);
        assertEquals(List.of("2"), borda.winners());
        assertEquals(Map.of("1", Fraction.of(126), "2", Fraction.of(194), "3", Fraction.of(173), "4", Fraction.of(107)),
                borda.summary().get("scores"));
        assertEquals(List.of("2", "3", "1", "4"), borda.summary().get("ranking"));
    }

    @Test
    void schulzeWikipedia() {
        ElectionFile f = TestFiles.read(TestFiles.resource("schulze_wikipedia_45.soc"));
        CountResult s = count("schulze", f);
        assertEquals(List.of("5"), s.winners(), "Schulze: E");
        assertEquals(List.of("5", "1", "3", "2", "4"), s.summary().get("ranking"), "E > A > C > B > D");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) s.rounds().get(1).data()
                .get("strongestPaths");
        assertEquals(28L, p.get("1").get("2"));
        assertEquals(25L, p.get("5").get("1"));
        assertEquals(24L, p.get("1").get("5"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> d = (Map<String, Map<String, Object>>) s.rounds().get(0).data()
                .get("pairwise");
        assertEquals(20L, d.get("1").get("2"));
        assertEquals(25L, d.get("2").get("1"));
        assertNull(CondorcetCheck.winner(f.election(), f.profile()), "no Condorcet winner");
        assertTrue(count("condorcet", f).winners().isEmpty());
        assertEquals(List.of("3"), count("irv", f).winners(), "IRV: C");
        CountResult b = count("borda", f);
        assertEquals(List.of("5"), b.winners());
        assertEquals(Map.of("1", Fraction.of(98), "2", Fraction.of(92), "3", Fraction.of(89), "4", Fraction.of(69),
                "5", Fraction.of(102)), b.summary().get("scores"));
    }

    private static Election abc(int n) {
        List<Option> opts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            opts.add(new Option(String.valueOf((char) ('a' + i)), null, null));
        }
        return Election.ranked("t", opts, 0);
    }

    private static int[][] r(int... order) {
        int[][] ranks = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            ranks[i] = new int[] {order[i]};
        }
        return ranks;
    }

    @Test
    void irvHandWorkedWithTiesTruncationAndSplitBallots() {
        Election e = abc(4);
        Profile p = Profile.builder(BallotType.ORDINAL)
                .addRanking(r(0), 4)                         // a
                .addRanking(r(1, 0), 3)                      // b > a
                .addRanking(r(2), 2)                         // c (truncated)
                .addRanking(new int[][] {{2, 3}}, 2)         // c = d: one vote each
                .addRanking(r(3, 1), 1)                      // d > b
                .build();
        // round 1: a 4, b 3, c 3, d 2 -> d out; d>b gives b 1 more, c=d gives c the whole ballot
        CountResult res = Rules.count("irv", e, p, CountOptions.DEFAULT);
        assertEquals("d", res.rounds().get(0).data().get("eliminated"));
        assertEquals(Map.of("a", Fraction.of(4), "b", Fraction.of(3), "c", Fraction.of(3), "d", Fraction.of(2)),
                res.rounds().get(0).data().get("tallies"));
        // round 2: a 4, b 4, c 4 -> three-way tie; the largest id (c) is eliminated and the tie reported
        assertEquals("c", res.rounds().get(1).data().get("eliminated"));
        assertEquals(List.of("a", "b", "c"), res.ties().get(0).tied());
        assertEquals(2, res.ties().get(0).round());
        // round 3: a 4, b 4 (c ballots exhaust) -> tie again: b eliminated, a wins (b > a ballots go to a)
        assertEquals(List.of("a"), res.winners());
        assertEquals(2, res.ties().size());
        assertEquals(List.of("a", "b"), res.ties().get(1).tied());
        assertEquals("b", res.ties().get(1).chosen());
        assertEquals(Fraction.of(4), res.rounds().get(1).data().get("exhaustedByTransfer"));
        assertEquals(4, res.rounds().size());
    }

    @Test
    void irvRefusesApprovalBallots() {
        Election e = abc(2);
        Profile p = Profile.builder(BallotType.APPROVAL).addApproval(new int[] {0}, 1).build();
        CountException ex = assertThrows(CountException.class, () -> Rules.count("irv", e, p, null));
        assertTrue(ex.getMessage().contains("approval"), ex.getMessage());
    }

    /** Random profiles with truncation and ties. */
    private static Profile random(Random rnd, int m, int ballots) {
        Profile.Builder b = Profile.builder(BallotType.ORDINAL);
        for (int i = 0; i < ballots; i++) {
            List<Integer> order = new ArrayList<>();
            for (int o = 0; o < m; o++) {
                order.add(o);
            }
            Collections.shuffle(order, rnd);
            int len = 1 + rnd.nextInt(m);
            List<int[]> groups = new ArrayList<>();
            int k = 0;
            while (k < len) {
                int size = rnd.nextInt(5) == 0 ? Math.min(2, len - k) : 1;
                int[] g = new int[size];
                for (int j = 0; j < size; j++) {
                    g[j] = order.get(k++);
                }
                java.util.Arrays.sort(g);
                groups.add(g);
            }
            b.addRanking(groups.toArray(new int[0][]), 1 + rnd.nextInt(3));
        }
        return b.build();
    }

    @Test
    void condorcetWinnerAlwaysWinsSchulze() {
        Random rnd = new Random(42);
        int found = 0;
        for (int t = 0; t < 300; t++) {
            int m = 3 + rnd.nextInt(4);
            Election e = abc(m);
            Profile p = random(rnd, m, 5 + rnd.nextInt(20));
            String cw = CondorcetCheck.winner(e, p);
            if (cw != null) {
                found++;
                assertEquals(List.of(cw), Rules.count("schulze", e, p, null).winners());
            }
        }
        assertTrue(found > 50, "enough profiles with a Condorcet winner: " + found);
    }

    /** Reverses the option order of the election and maps the ballots: results must not change. */
    @Test
    void resultsDoNotDependOnOptionOrderOrOrderPreservingRenaming() {
        Random rnd = new Random(3);
        for (int t = 0; t < 150; t++) {
            int m = 3 + rnd.nextInt(4);
            Election e = abc(m);
            Profile p = random(rnd, m, 5 + rnd.nextInt(20));
            // reordered: option i of e becomes index m-1-i, same ids
            List<Option> rev = new ArrayList<>(e.options());
            Collections.reverse(rev);
            Election er = Election.ranked("t", rev, 0);
            // renamed: ids a.. -> "opt-a".. (same lexicographic order)
            List<Option> ren = new ArrayList<>();
            for (Option o : e.options()) {
                ren.add(new Option("opt-" + o.id(), null, null));
            }
            Election en = Election.ranked("t", ren, 0);
            Profile.Builder pb = Profile.builder(BallotType.ORDINAL);
            for (BallotGroup b : p.ballots()) {
                int[][] ranks = new int[b.ranks().length][];
                for (int g = 0; g < ranks.length; g++) {
                    ranks[g] = b.ranks()[g].clone();
                    for (int j = 0; j < ranks[g].length; j++) {
                        ranks[g][j] = m - 1 - ranks[g][j];
                    }
                    java.util.Arrays.sort(ranks[g]);
                }
                pb.addRanking(ranks, b.count());
            }
            Profile pr = pb.build();
            for (String rule : List.of("irv", "schulze", "borda")) {
                List<String> w = Rules.count(rule, e, p, null).winners();
                assertEquals(w, Rules.count(rule, er, pr, null).winners(), rule);
                List<String> renamed = new ArrayList<>();
                for (String id : w) {
                    renamed.add("opt-" + id);
                }
                assertEquals(renamed, Rules.count(rule, en, p, null).winners(), rule);
            }
            int seats = 1 + rnd.nextInt(m - 1);
            for (String rule : List.of("stv-meek", "stv-scottish")) {
                if (rule.equals("stv-scottish") && hasTies(p)) {
                    continue;
                }
                List<String> w = new ArrayList<>(Rules.count(rule, e, p, CountOptions.seats(seats)).winners());
                List<String> w2 = new ArrayList<>(Rules.count(rule, er, pr, CountOptions.seats(seats)).winners());
                Collections.sort(w);
                Collections.sort(w2);
                assertEquals(w, w2, rule);
                assertEquals(seats, w.size(), rule);
            }
        }
    }

    private static boolean hasTies(Profile p) {
        for (BallotGroup b : p.ballots()) {
            if (b.hasTies()) {
                return true;
            }
        }
        return false;
    }
}
