package org.civicloop.voting.count.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Explanation.Reason;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rule;
import org.civicloop.voting.count.TieBreak;
import org.civicloop.voting.count.TieBreaking;

/**
 * The Schulze method with winning votes: the strength of the link x→y is d[x][y] when d[x][y] &gt; d[y][x] and 0
 * otherwise; p[x][y] is the strength of the strongest (widest) path; x is a potential winner when p[x][y] &ge;
 * p[y][x] for every y. Among several potential winners the lexicographically smallest id wins (reported as a tie).
 * The summary holds the Schulze ranking (by the number of options each beats in p, then id).
 */
public final class Schulze implements Rule {

    @Override
    public String name() {
        return "schulze";
    }

    @Override
    public CountResult count(Election e, Profile prof, CountOptions options) {
        Ranked.requireRanked(name(), prof);
        int m = e.size();
        boolean[] in = Ranked.participating(e);
        long[][] d = Ranked.pairwise(e, prof);
        long[][] p = new long[m][m];
        for (int x = 0; x < m; x++) {
            for (int y = 0; y < m; y++) {
                if (x != y && in[x] && in[y] && d[x][y] > d[y][x]) {
                    p[x][y] = d[x][y];
                }
            }
        }
        for (int k = 0; k < m; k++) {
            if (!in[k]) {
                continue;
            }
            for (int x = 0; x < m; x++) {
                if (x == k || !in[x]) {
                    continue;
                }
                for (int y = 0; y < m; y++) {
                    if (y == k || y == x || !in[y]) {
                        continue;
                    }
                    long via = Math.min(p[x][k], p[k][y]);
                    if (via > p[x][y]) {
                        p[x][y] = via;
                    }
                }
            }
        }
        List<Integer> potential = new ArrayList<>();
        int[] beats = new int[m];
        for (int x = 0; x < m; x++) {
            if (!in[x]) {
                continue;
            }
            boolean ok = true;
            for (int y = 0; y < m; y++) {
                if (y != x && in[y]) {
                    if (p[x][y] < p[y][x]) {
                        ok = false;
                    } else if (p[x][y] > p[y][x]) {
                        beats[x]++;
                    }
                }
            }
            if (ok) {
                potential.add(x);
            }
        }
        List<TieBreak> ties = new ArrayList<>();
        int winner = TieBreaking.favoured(e, potential);
        if (potential.size() > 1) {
            ties.add(new TieBreak(2, "winner", e.sortedIds(potential), e.id(winner), TieBreaking.METHOD));
        }
        List<Round> rounds = new ArrayList<>();
        Map<String, Object> d1 = new LinkedHashMap<>();
        d1.put("pairwise", Ranked.matrix(e, d, in));
        rounds.add(new Round(1, "pairwise", Explanation.of(Reason.SCHULZE_PAIRWISE), d1));
        Map<String, Object> d2 = new LinkedHashMap<>();
        d2.put("strongestPaths", Ranked.matrix(e, p, in));
        d2.put("potentialWinners", e.sortedIds(potential));
        d2.put("elected", e.id(winner));
        rounds.add(new Round(2, "strongest-paths", Explanation.of(Reason.SCHULZE_PATHS, e.id(winner)), d2));
        List<Integer> order = new ArrayList<>();
        for (int x = 0; x < m; x++) {
            if (in[x]) {
                order.add(x);
            }
        }
        order.sort((a, b) -> a == winner ? -1 : b == winner ? 1
                : beats[a] != beats[b] ? Integer.compare(beats[b], beats[a]) : e.compareIds(a, b));
        List<String> ranking = new ArrayList<>();
        for (int x : order) {
            ranking.add(e.id(x));
        }
        Map<String, Explanation> lost = new LinkedHashMap<>();
        for (int x = 0; x < m; x++) {
            if (x == winner) {
                continue;
            }
            if (!in[x]) {
                lost.put(e.id(x), Explanation.of(Reason.WITHDRAWN));
            } else if (p[winner][x] > p[x][winner]) {
                lost.put(e.id(x), Explanation.of(Reason.SCHULZE_WEAKER, e.id(winner), p[x][winner], p[winner][x],
                        d[x][winner], d[winner][x]));
            } else {
                lost.put(e.id(x), Explanation.of(Reason.SCHULZE_TIED, e.id(winner), p[x][winner]));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ranking", ranking);
        int cw = Ranked.condorcetWinner(d, in);
        summary.put("condorcetWinner", cw < 0 ? null : e.id(cw));
        return new CountResult(name(), List.of(e.id(winner)), rounds, ties, lost, summary);
    }
}
