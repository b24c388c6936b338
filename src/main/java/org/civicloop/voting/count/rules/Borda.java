package org.civicloop.voting.count.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Explanation.Reason;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rule;
import org.civicloop.voting.count.TieBreak;
import org.civicloop.voting.count.TieBreaking;

/**
 * Borda count: on each ballot an option scores the number of options ranked strictly below it (with m options and
 * a complete strict ranking: m-1, ..., 1, 0). Unranked options are below every ranked one and score 0; options tied
 * in one group score the average of the positions they share (#below + (size-1)/2). The winner is the top scorer
 * (ties: lexicographically smallest id); the summary holds all scores and the full ranking.
 */
public final class Borda implements Rule {

    @Override
    public String name() {
        return "borda";
    }

    @Override
    public CountResult count(Election e, Profile p, CountOptions options) {
        Ranked.requireRanked(name(), p);
        int m = e.size();
        boolean[] in = Ranked.participating(e);
        int participants = 0;
        for (boolean b : in) {
            participants += b ? 1 : 0;
        }
        long[] twice = new long[m]; // twice the score, to keep half points integral
        for (BallotGroup b : p.ballots()) {
            int[][] ranks = b.ranks();
            int ranked = 0;
            for (int[] g : ranks) {
                for (int o : g) {
                    if (in[o]) {
                        ranked++;
                    }
                }
            }
            int above = 0;
            for (int[] g : ranks) {
                int size = 0;
                for (int o : g) {
                    if (in[o]) {
                        size++;
                    }
                }
                long below = participants - above - size;
                long pts2 = 2 * below + (size - 1);
                for (int o : g) {
                    if (in[o]) {
                        twice[o] += pts2 * b.count();
                    }
                }
                above += size;
            }
        }
        Fraction[] score = new Fraction[m];
        List<Integer> order = new ArrayList<>();
        for (int o = 0; o < m; o++) {
            if (in[o]) {
                score[o] = Fraction.of(twice[o], 2);
                order.add(o);
            }
        }
        order.sort((a, b) -> {
            int c = score[b].compareTo(score[a]);
            return c != 0 ? c : e.compareIds(a, b);
        });
        int winner = order.get(0);
        List<Integer> top = new ArrayList<>();
        for (int o : order) {
            if (score[o].equals(score[winner])) {
                top.add(o);
            }
        }
        List<TieBreak> ties = new ArrayList<>();
        if (top.size() > 1) {
            ties.add(new TieBreak(1, "winner", e.sortedIds(top), e.id(winner), TieBreaking.METHOD));
        }
        List<Fraction> scores = new ArrayList<>();
        for (int o = 0; o < m; o++) {
            scores.add(score[o]);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scores", Ranked.byId(e, scores));
        data.put("elected", e.id(winner));
        List<Round> rounds = List.of(new Round(1, "scores",
                Explanation.of(Reason.BORDA_SCORES, e.id(winner), score[winner]), data));
        List<String> ranking = new ArrayList<>();
        for (int o : order) {
            ranking.add(e.id(o));
        }
        Map<String, Explanation> lost = new LinkedHashMap<>();
        for (int o = 0; o < m; o++) {
            if (o == winner) {
                continue;
            }
            if (!in[o]) {
                lost.put(e.id(o), Explanation.of(Reason.WITHDRAWN));
            } else if (score[o].equals(score[winner])) {
                lost.put(e.id(o), Explanation.of(Reason.BORDA_TIED, score[o], e.id(winner)));
            } else {
                lost.put(e.id(o), Explanation.of(Reason.BORDA_FEWER, score[o], e.id(winner), score[winner],
                        ranking.indexOf(e.id(o)) + 1));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ranking", ranking);
        summary.put("scores", Ranked.byId(e, scores));
        return new CountResult(name(), List.of(e.id(winner)), rounds, ties, lost, summary);
    }
}
