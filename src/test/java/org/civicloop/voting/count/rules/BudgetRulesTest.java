package org.civicloop.voting.count.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountException;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.TestFiles;
import org.civicloop.voting.count.text.ExplanationText;
import org.junit.jupiter.api.Test;

class BudgetRulesTest {

    private static Election projects(long budget, long... costs) {
        List<Option> opts = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            opts.add(new Option(String.valueOf((char) ('a' + i)), null, Fraction.of(costs[i])));
        }
        return Election.budgeted("t", opts, Fraction.of(budget));
    }

    /**
     * Three voters, budget 300 (100 each). a (200) by v1, v2; b (150) by v3; c (100) by all. MES: c at 100/3 each
     * (rho 1/3 per unit of cost-utility beats a's 1/2); then v1+v2 have 400/3 &lt; 200 and v3 has 200/3 &lt; 150.
     * Greedy: c (3 votes), a (2 votes, fits exactly), b does not fit.
     */
    @Test
    void handWorkedEqualSharesAndGreedy() {
        Election e = projects(300, 200, 150, 100);
        Profile p = Profile.builder(BallotType.APPROVAL)
                .addApproval(new int[] {0, 2}, 2)
                .addApproval(new int[] {1, 2}, 1)
                .build();
        CountResult mes = Rules.count("mes", e, p, null);
        assertEquals(List.of("c"), mes.winners());
        Round buy = mes.rounds().get(0);
        assertEquals(Fraction.of(100, 3), buy.data().get("pricePerVoter"));
        assertEquals(Fraction.of(1, 3), buy.data().get("pricePerUtility"));
        assertTrue(ExplanationText.english().lost(mes).get("a").contains("had only 133.33333 left"), ExplanationText.english().lost(mes).get("a"));
        assertTrue(ExplanationText.english().lost(mes).get("b").contains("less than its cost 150"), ExplanationText.english().lost(mes).get("b"));
        CountResult greedy = Rules.count("greedy", e, p, null);
        assertEquals(List.of("c", "a"), greedy.winners());
        assertTrue(ExplanationText.english().lost(greedy).get("b").contains("did not fit"), ExplanationText.english().lost(greedy).get("b"));
    }

    @Test
    void equalSharesTieIsBrokenByIdAndReported() {
        Election e = projects(100, 50, 50, 80);
        Profile p = Profile.builder(BallotType.APPROVAL).addApproval(new int[] {0, 1}, 2).build();
        CountResult r = Rules.count("mes", e, p, null);
        assertEquals(List.of("a", "b"), r.winners());
        assertEquals(List.of("a", "b"), r.ties().get(0).tied());
        assertEquals("a", r.ties().get(0).chosen());
        assertEquals("No voter supported it.", ExplanationText.english().lost(r).get("c"));
        CountResult g = Rules.count("greedy", e, p, null);
        assertEquals(List.of("a", "b"), g.winners());
        assertTrue(ExplanationText.english().lost(g).get("c").contains("No voter supported it"));
    }

    @Test
    void cumulativeAndOrdinalUtilities() {
        // cumulative: v1 gives a 3 points, v2 gives b 1 point and c 2 points
        Election e = projects(100, 60, 30, 50);
        Profile cum = Profile.builder(BallotType.CUMULATIVE)
                .addCumulative(new int[] {0}, new long[] {3}, 1)
                .addCumulative(new int[] {1, 2}, new long[] {1, 2}, 1)
                .build();
        assertEquals(List.of("a", "b"), Rules.count("greedy", e, cum, null).winners(),
                "scores a 3, c 2, b 1: a (60) funded, c (50) does not fit in 40, b (30) does");
        // MES: each has 50. a costs 60 > 50: never. c: v2 pays 50 for 2 points (rho 25); b then unaffordable.
        CountResult mes = Rules.count("mes", e, cum, null);
        assertEquals(List.of("c"), mes.winners());
        Profile ord = Profile.builder(BallotType.ORDINAL).maxLength(3)
                .addRanking(new int[][] {{1}, {0}, {2}}, 2)   // b 3, a 2, c 1
                .addRanking(new int[][] {{2}}, 1)             // c 3
                .build();
        // scores: a 4, b 6, c 5 -> b (30), c (50), a (60) does not fit
        assertEquals(List.of("b", "c"), Rules.count("greedy", e, ord, null).winners());
    }

    @Test
    void budgetRulesRefuseRankedFiles() {
        var f = TestFiles.read(TestFiles.resource("tennessee.soc"));
        CountException ex = assertThrows(CountException.class, () -> Rules.count("mes", f.election(), f.profile(),
                null));
        assertTrue(ex.getMessage().contains("budget"), ex.getMessage());
    }

    /** A direct per-voter implementation of MES (exact fractions), to cross-check the grouped engine. */
    private static List<String> naiveMes(Election e, Profile p) {
        List<long[]> utils = new ArrayList<>(); // per voter: utility per project
        for (BallotGroup b : p.ballots()) {
            for (long c = 0; c < b.count(); c++) {
                long[] u = new long[e.size()];
                int[] opts = b.options();
                for (int k = 0; k < opts.length; k++) {
                    u[opts[k]] = p.type() == BallotType.APPROVAL ? 1 : b.points()[k];
                }
                utils.add(u);
            }
        }
        int n = utils.size();
        Fraction[] budget = new Fraction[n];
        java.util.Arrays.fill(budget, e.budget().divide(n));
        boolean[] funded = new boolean[e.size()];
        List<String> out = new ArrayList<>();
        while (true) {
            int best = -1;
            Fraction bestRho = null;
            for (int o = 0; o < e.size(); o++) {
                if (funded[o]) {
                    continue;
                }
                Fraction unit = p.type() == BallotType.APPROVAL ? e.option(o).cost() : Fraction.ONE;
                List<Integer> sup = new ArrayList<>();
                Fraction money = Fraction.ZERO;
                for (int i = 0; i < n; i++) {
                    if (utils.get(i)[o] > 0) {
                        sup.add(i);
                        money = money.add(budget[i]);
                    }
                }
                if (sup.isEmpty() || money.compareTo(e.option(o).cost()) < 0) {
                    continue;
                }
                // smallest rho with sum min(b_i, rho * u_i) >= cost: try each breakpoint
                final int proj = o;
                sup.sort((x, y) -> budget[x].divide(utils.get(x)[proj])
                        .compareTo(budget[y].divide(utils.get(y)[proj])));
                Fraction paid = Fraction.ZERO;
                long util = 0;
                for (int i : sup) {
                    util += utils.get(i)[o];
                }
                Fraction rho = null;
                for (int i : sup) {
                    Fraction cand = e.option(o).cost().subtract(paid).divide(util);
                    if (cand.compareTo(budget[i].divide(utils.get(i)[o])) <= 0) {
                        rho = cand;
                        break;
                    }
                    paid = paid.add(budget[i]);
                    util -= utils.get(i)[o];
                }
                if (rho == null) {
                    rho = budget[sup.get(sup.size() - 1)].divide(utils.get(sup.get(sup.size() - 1))[o]);
                }
                Fraction actual = rho.divide(unit);
                if (bestRho == null || actual.compareTo(bestRho) < 0) {
                    best = o;
                    bestRho = actual;
                }
            }
            if (best < 0) {
                return out;
            }
            Fraction unit = p.type() == BallotType.APPROVAL ? e.option(best).cost() : Fraction.ONE;
            for (int i = 0; i < n; i++) {
                long u = utils.get(i)[best];
                if (u > 0) {
                    budget[i] = budget[i].subtract(budget[i].min(bestRho.multiply(unit).multiply(u)));
                }
            }
            funded[best] = true;
            out.add(e.id(best));
        }
    }

    private static Profile randomProfile(Random rnd, int m, BallotType type) {
        Profile.Builder b = Profile.builder(type);
        int voters = 3 + rnd.nextInt(25);
        for (int v = 0; v < voters; v++) {
            List<Integer> opts = new ArrayList<>();
            for (int o = 0; o < m; o++) {
                if (rnd.nextInt(3) == 0) {
                    opts.add(o);
                }
            }
            int[] arr = opts.stream().mapToInt(Integer::intValue).toArray();
            if (type == BallotType.APPROVAL) {
                b.addApproval(arr, 1);
            } else {
                long[] pts = new long[arr.length];
                for (int k = 0; k < pts.length; k++) {
                    pts[k] = 1 + rnd.nextInt(4);
                }
                b.addCumulative(arr, pts, 1);
            }
        }
        return b.build();
    }

    @Test
    void propertiesOnRandomInstances() {
        Random rnd = new Random(11);
        for (int t = 0; t < 300; t++) {
            int m = 2 + rnd.nextInt(7);
            long[] costs = new long[m];
            for (int o = 0; o < m; o++) {
                costs[o] = 10 + rnd.nextInt(90);
            }
            long budget = 50 + rnd.nextInt(250);
            Election e = projects(budget, costs);
            BallotType type = rnd.nextBoolean() ? BallotType.APPROVAL : BallotType.CUMULATIVE;
            Profile p = randomProfile(rnd, m, type);
            CountResult mes = Rules.count("mes", e, p, null);
            assertEquals(naiveMes(e, p), mes.winners(), "grouped engine = per-voter MES (" + type + ")");
            for (String rule : List.of("greedy", "mes", "mes-add1")) {
                CountResult r = Rules.count(rule, e, p, null);
                Fraction total = Fraction.ZERO;
                for (String id : r.winners()) {
                    total = total.add(e.option(e.indexOf(id)).cost());
                }
                assertTrue(total.compareTo(e.budget()) <= 0, rule + " never exceeds the budget");
                // reordering the options (same ids) changes nothing
                List<Integer> perm = new ArrayList<>();
                for (int o = 0; o < m; o++) {
                    perm.add(o);
                }
                Collections.shuffle(perm, rnd);
                List<Option> opts = new ArrayList<>();
                int[] newIndex = new int[m];
                for (int k = 0; k < m; k++) {
                    opts.add(e.option(perm.get(k)));
                    newIndex[perm.get(k)] = k;
                }
                Election e2 = Election.budgeted("t", opts, e.budget());
                Profile.Builder pb = Profile.builder(type);
                for (BallotGroup b : p.ballots()) {
                    int[] o2 = b.options().clone();
                    for (int k = 0; k < o2.length; k++) {
                        o2[k] = newIndex[o2[k]];
                    }
                    if (type == BallotType.APPROVAL) {
                        java.util.Arrays.sort(o2);
                        pb.addApproval(o2, b.count());
                    } else {
                        pb.addCumulative(o2, b.points(), b.count());
                    }
                }
                assertEquals(r.winners(), Rules.count(rule, e2, pb.build(), null).winners(), rule + " reordered");
                // renaming consistently (order-preserving ids) changes nothing
                List<Option> renamed = new ArrayList<>();
                for (Option o : e.options()) {
                    renamed.add(new Option("p-" + o.id(), null, o.cost()));
                }
                List<String> expected = r.winners().stream().map(id -> "p-" + id).toList();
                assertEquals(expected, Rules.count(rule, Election.budgeted("t", renamed, e.budget()), p, null)
                        .winners(), rule + " renamed");
            }
        }
    }
}
