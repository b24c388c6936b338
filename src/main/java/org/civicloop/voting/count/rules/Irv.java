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
 * Instant-runoff voting. Each round every ballot counts for its highest-ranked continuing option (a tie group of m
 * continuing options splits the ballot equally, 1/m each); an option with more than half of the votes on continuing
 * ballots wins; otherwise the option with the fewest votes is eliminated (ties: the lexicographically largest id is
 * eliminated) and its ballots move on. Exhausted ballots no longer count.
 */
public final class Irv implements Rule {

    @Override
    public String name() {
        return "irv";
    }

    @Override
    public CountResult count(Election e, Profile p, CountOptions options) {
        Ranked.requireRanked(name(), p);
        int m = e.size();
        boolean[] continuing = Ranked.participating(e);
        int left = 0;
        for (boolean c : continuing) {
            left += c ? 1 : 0;
        }
        List<BallotGroup> ballots = p.ballots();
        int nb = ballots.size();
        int[] pos = new int[nb];
        List<Round> rounds = new ArrayList<>();
        List<TieBreak> ties = new ArrayList<>();
        Map<String, Explanation> lost = new LinkedHashMap<>();
        Fraction[] prev = null;
        Fraction prevExhausted = null;
        int winner = -1;
        int roundNo = 0;
        Map<Integer, Explanation> eliminatedIn = new LinkedHashMap<>();
        while (winner < 0) {
            roundNo++;
            long[] whole = new long[m];
            Fraction[] parts = null;
            long exhaustedWhole = 0;
            for (int b = 0; b < nb; b++) {
                BallotGroup ballot = ballots.get(b);
                int[][] ranks = ballot.ranks();
                int g = pos[b];
                int alive = 0;
                while (g < ranks.length) {
                    alive = 0;
                    for (int o : ranks[g]) {
                        if (continuing[o]) {
                            alive++;
                        }
                    }
                    if (alive > 0) {
                        break;
                    }
                    g++;
                }
                pos[b] = g;
                if (g == ranks.length) {
                    exhaustedWhole += ballot.count();
                } else if (alive == 1) {
                    for (int o : ranks[g]) {
                        if (continuing[o]) {
                            whole[o] += ballot.count();
                        }
                    }
                } else {
                    if (parts == null) {
                        parts = new Fraction[m];
                        java.util.Arrays.fill(parts, Fraction.ZERO);
                    }
                    Fraction share = Fraction.of(ballot.count(), alive);
                    for (int o : ranks[g]) {
                        if (continuing[o]) {
                            parts[o] = parts[o].add(share);
                        }
                    }
                }
            }
            Fraction[] tally = new Fraction[m];
            Fraction active = Fraction.ZERO;
            for (int o = 0; o < m; o++) {
                if (continuing[o]) {
                    tally[o] = Fraction.of(whole[o]);
                    if (parts != null) {
                        tally[o] = tally[o].add(parts[o]);
                    }
                    active = active.add(tally[o]);
                }
            }
            Fraction exhausted = Fraction.of(exhaustedWhole);
            // transfers into this round (explained on the previous round)
            if (prev != null) {
                Round last = rounds.get(rounds.size() - 1);
                Map<String, Object> transfers = new LinkedHashMap<>();
                for (int o = 0; o < m; o++) {
                    if (continuing[o]) {
                        Fraction diff = tally[o].subtract(prev[o]);
                        if (!diff.isZero()) {
                            transfers.put(e.id(o), diff);
                        }
                    }
                }
                last.data().put("transfers", transfers);
                last.data().put("exhaustedByTransfer", exhausted.subtract(prevExhausted));
            }
            List<Fraction> tallyList = new ArrayList<>();
            for (int o = 0; o < m; o++) {
                tallyList.add(tally[o]);
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tallies", Ranked.byId(e, tallyList));
            data.put("exhausted", exhausted);
            data.put("continuingVotes", active);
            // winner?
            int top = -1;
            for (int o = 0; o < m; o++) {
                if (continuing[o] && (top < 0 || tally[o].compareTo(tally[top]) > 0)) {
                    top = o;
                }
            }
            if (left == 1 || tally[top].multiply(2).compareTo(active) > 0) {
                winner = top;
                data.put("elected", e.id(top));
                Explanation why = left == 1 ? Explanation.of(Reason.IRV_LAST_LEFT, roundNo, e.id(top))
                        : Explanation.of(Reason.IRV_MAJORITY, roundNo, e.id(top), tally[top], active);
                rounds.add(new Round(roundNo, "elect", why, data));
                for (int o = 0; o < m; o++) {
                    if (continuing[o] && o != winner) {
                        lost.put(e.id(o), Explanation.of(Reason.IRV_STILL_IN, roundNo, tally[o], e.id(winner),
                                tally[winner], active));
                    }
                }
                break;
            }
            Fraction min = null;
            List<Integer> lowest = new ArrayList<>();
            for (int o = 0; o < m; o++) {
                if (!continuing[o]) {
                    continue;
                }
                int c = min == null ? -1 : tally[o].compareTo(min);
                if (c < 0) {
                    min = tally[o];
                    lowest.clear();
                    lowest.add(o);
                } else if (c == 0) {
                    lowest.add(o);
                }
            }
            int out = TieBreaking.disfavoured(e, lowest);
            if (lowest.size() > 1) {
                ties.add(new TieBreak(roundNo, "eliminate", e.sortedIds(lowest), e.id(out), TieBreaking.METHOD));
            }
            continuing[out] = false;
            left--;
            data.put("eliminated", e.id(out));
            rounds.add(new Round(roundNo, "eliminate", Explanation.of(Reason.IRV_ELIMINATE, roundNo, e.id(out), min),
                    data));
            eliminatedIn.put(out, Explanation.of(Reason.IRV_ELIMINATED, roundNo, min, lowest.size() - 1));
            prev = tally;
            prevExhausted = exhausted;
        }
        Map<String, Explanation> allLost = new LinkedHashMap<>();
        for (int o = 0; o < m; o++) {
            if (o == winner) {
                continue;
            }
            if (e.withdrawn().contains(o)) {
                allLost.put(e.id(o), Explanation.of(Reason.WITHDRAWN));
            } else if (eliminatedIn.containsKey(o)) {
                allLost.put(e.id(o), eliminatedIn.get(o));
            } else if (lost.containsKey(e.id(o))) {
                allLost.put(e.id(o), lost.get(e.id(o)));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rounds", roundNo);
        return new CountResult(name(), List.of(e.id(winner)), rounds, ties, allLost, summary);
    }
}
