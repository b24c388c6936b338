package org.civicloop.voting.count.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.CountException;
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
 * Single transferable vote under the Scottish local government rules (SSI 2007/42, rules 45-52): weighted
 * inclusive Gregory with all values in fixed point with 5 decimals, truncated.
 *
 * <ul>
 * <li>Quota = floor(valid ballots / (seats + 1)) + 1. A candidate is elected when their votes reach the quota.</li>
 * <li>One surplus is transferred per stage, the largest first. Every ballot the elected candidate holds moves to its
 * next continuing preference with the new value floor5(surplus &times; value / candidate's votes); ballots with no
 * further continuing preference are non-transferable; the elected candidate keeps exactly the quota.</li>
 * <li>When no surplus is pending, the continuing candidate with the fewest votes is excluded and all their ballots
 * move on at their current value, in one stage.</li>
 * <li>Ties (equal surpluses, or equal lowest votes): decided by the votes at the earliest stage at which the tied
 * candidates differed (more votes = transferred first / not excluded); if they were equal at every stage, by the
 * lexicographic order of ids (the statutory "lot"; reported).</li>
 * <li>When the continuing candidates are no more than the vacancies, they are all elected; once all seats are
 * filled the rest are not elected.</li>
 * </ul>
 * Tied preferences (BLT "=") are not allowed by these rules and are refused.
 */
public final class ScottishStv implements Rule {

    private static final int PLACES = 5;
    private static final long ONE = 100_000L;

    @Override
    public String name() {
        return "stv-scottish";
    }

    @Override
    public CountResult count(Election e, Profile p, CountOptions options) {
        int seats = StvSupport.seats(name(), e, p, options);
        int m = e.size();
        List<BallotGroup> ballots = p.ballots();
        int nb = ballots.size();
        for (BallotGroup b : ballots) {
            if (b.hasTies()) {
                throw new CountException(
                        "Scottish STV does not allow equal preferences on a ballot");
            }
        }
        int[] state = new int[m];
        for (int w : e.withdrawn()) {
            state[w] = StvSupport.EXCLUDED;
        }
        long[] value = new long[nb];   // value per paper of each ballot group
        int[] holder = new int[nb];    // candidate holding the group, -1 = non-transferable
        int[] pos = new int[nb];       // index into the flattened ranking of the holder
        int[][] rankings = new int[nb][];
        long valid = 0;
        long[] votes = new long[m];
        long nonTransferable = 0;
        List<List<Integer>> pile = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            pile.add(new ArrayList<>());
        }
        for (int b = 0; b < nb; b++) {
            rankings[b] = ballots.get(b).options();
            value[b] = ONE;
            pos[b] = -1;
            holder[b] = -1;
            int next = nextContinuing(rankings[b], -1, state);
            if (next >= 0) {
                valid += ballots.get(b).count();
                pos[b] = next;
                holder[b] = rankings[b][next];
                pile.get(holder[b]).add(b);
                votes[holder[b]] += ONE * ballots.get(b).count();
            }
        }
        long quota = (valid / (seats + 1) + 1) * ONE;
        long total = valid * ONE;
        List<long[]> history = new ArrayList<>();
        history.add(votes.clone());
        List<Round> rounds = new ArrayList<>();
        List<TieBreak> ties = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        Map<Integer, Explanation> why = new LinkedHashMap<>();
        boolean[] surplusPending = new boolean[m];
        int elected = 0;
        int stage = 1;
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("quota", StvSupport.dec(quota, PLACES));
        first.put("votes", StvSupport.byId(e, votes, PLACES, state, false));
        List<String> newly = electReaching(e, votes, state, quota, surplusPending, winners, history);
        elected += newly.size();
        first.put("elected", newly);
        rounds.add(new Round(stage, "first-preferences", Explanation.of(Reason.SCOTTISH_FIRST,
                StvSupport.dec(quota, PLACES), List.copyOf(newly), newly.size()), first));
        while (elected < seats) {
            int hopeful = 0;
            for (int c = 0; c < m; c++) {
                if (state[c] == StvSupport.HOPEFUL) {
                    hopeful++;
                }
            }
            if (hopeful <= seats - elected) {
                List<String> rest = new ArrayList<>();
                for (int c = 0; c < m; c++) {
                    if (state[c] == StvSupport.HOPEFUL) {
                        state[c] = StvSupport.ELECTED;
                        winners.add(e.id(c));
                        rest.add(e.id(c));
                        elected++;
                    }
                }
                stage++;
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("elected", rest);
                d.put("votes", StvSupport.byId(e, votes, PLACES, state, true));
                rounds.add(new Round(stage, "elect-remaining",
                        Explanation.of(Reason.SCOTTISH_ELECT_REMAINING, stage, List.copyOf(rest), rest.size()), d));
                break;
            }
            stage++;
            long[] before = votes.clone();
            long ntBefore = nonTransferable;
            Map<String, Object> d = new LinkedHashMap<>();
            String stepOption;
            java.math.BigDecimal stepFigure;
            // largest pending surplus
            List<Integer> withSurplus = new ArrayList<>();
            long maxSurplus = 0;
            for (int c = 0; c < m; c++) {
                if (surplusPending[c] && votes[c] - quota > 0) {
                    long s = votes[c] - quota;
                    if (s > maxSurplus) {
                        maxSurplus = s;
                        withSurplus.clear();
                        withSurplus.add(c);
                    } else if (s == maxSurplus) {
                        withSurplus.add(c);
                    }
                } else if (surplusPending[c]) {
                    surplusPending[c] = false;
                }
            }
            if (!withSurplus.isEmpty()) {
                int c = breakTie(e, withSurplus, history, true, stage, "transfer surplus", ties);
                surplusPending[c] = false;
                long surplus = votes[c] - quota;
                long held = votes[c];
                for (int b : pile.get(c)) {
                    long newValue = Math.multiplyExact(surplus, value[b]) / held;
                    value[b] = newValue;
                    nonTransferable += move(b, rankings, pos, holder, state, pile, votes, value, ballots);
                }
                pile.get(c).clear();
                votes[c] = quota;
                d.put("transferred", e.id(c));
                d.put("surplus", StvSupport.dec(surplus, PLACES));
                stepOption = e.id(c);
                stepFigure = StvSupport.dec(surplus, PLACES);
            } else {
                List<Integer> lowest = new ArrayList<>();
                long min = Long.MAX_VALUE;
                for (int c = 0; c < m; c++) {
                    if (state[c] != StvSupport.HOPEFUL) {
                        continue;
                    }
                    if (votes[c] < min) {
                        min = votes[c];
                        lowest.clear();
                        lowest.add(c);
                    } else if (votes[c] == min) {
                        lowest.add(c);
                    }
                }
                int c = breakTie(e, lowest, history, false, stage, "exclude", ties);
                state[c] = StvSupport.EXCLUDED;
                why.put(c, Explanation.of(Reason.SCOTTISH_EXCLUDED, stage, StvSupport.dec(votes[c], PLACES),
                        lowest.size() - 1, StvSupport.dec(quota, PLACES)));
                for (int b : pile.get(c)) {
                    nonTransferable += move(b, rankings, pos, holder, state, pile, votes, value, ballots);
                }
                pile.get(c).clear();
                d.put("excluded", e.id(c));
                d.put("excludedVotes", StvSupport.dec(votes[c], PLACES));
                votes[c] = 0;
                stepOption = e.id(c);
                stepFigure = StvSupport.dec(min, PLACES);
            }
            Map<String, Object> transfers = new LinkedHashMap<>();
            for (int c = 0; c < m; c++) {
                if (state[c] == StvSupport.HOPEFUL && votes[c] != before[c]) {
                    transfers.put(e.id(c), StvSupport.dec(votes[c] - before[c], PLACES));
                }
            }
            d.put("transfers", transfers);
            d.put("nonTransferable", StvSupport.dec(nonTransferable - ntBefore, PLACES));
            history.add(votes.clone());
            newly = electReaching(e, votes, state, quota, surplusPending, winners, history);
            elected += newly.size();
            d.put("elected", newly);
            d.put("votes", StvSupport.byId(e, votes, PLACES, state, true));
            long sum = 0;
            for (long v : votes) {
                sum += v;
            }
            d.put("nonTransferableTotal", StvSupport.dec(nonTransferable, PLACES));
            d.put("residual", StvSupport.dec(total - sum - nonTransferable, PLACES));
            boolean excluded = d.containsKey("excluded");
            rounds.add(new Round(stage, excluded ? "exclude" : "surplus", Explanation.of(excluded
                    ? Reason.SCOTTISH_EXCLUDE : Reason.SCOTTISH_SURPLUS, stage, stepOption, stepFigure,
                    List.copyOf(newly), newly.size()), d));
        }
        Map<String, Explanation> lost = StvSupport.losers(e, state, why, seats, votes, quota, PLACES);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seats", seats);
        summary.put("validBallots", valid);
        summary.put("quota", StvSupport.dec(quota, PLACES));
        summary.put("stages", stage);
        return new CountResult(name(), winners, rounds, ties, lost, summary);
    }

    private static List<String> electReaching(Election e, long[] votes, int[] state, long quota,
            boolean[] surplusPending, List<String> winners, List<long[]> history) {
        List<Integer> reach = new ArrayList<>();
        for (int c = 0; c < votes.length; c++) {
            if (state[c] == StvSupport.HOPEFUL && votes[c] >= quota) {
                reach.add(c);
            }
        }
        // most votes first
        reach.sort((a, b) -> votes[a] != votes[b] ? Long.compare(votes[b], votes[a]) : e.compareIds(a, b));
        List<String> ids = new ArrayList<>();
        for (int c : reach) {
            state[c] = StvSupport.ELECTED;
            surplusPending[c] = votes[c] > quota;
            winners.add(e.id(c));
            ids.add(e.id(c));
        }
        return ids;
    }

    /** Moves a ballot group to its next continuing preference; returns the value that became non-transferable. */
    private static long move(int b, int[][] rankings, int[] pos, int[] holder, int[] state, List<List<Integer>> pile,
            long[] votes, long[] value, List<BallotGroup> ballots) {
        int next = nextContinuing(rankings[b], pos[b], state);
        long amount = value[b] * ballots.get(b).count();
        if (next < 0 || value[b] == 0) {
            holder[b] = -1;
            pos[b] = rankings[b].length;
            return amount;
        }
        pos[b] = next;
        holder[b] = rankings[b][next];
        pile.get(holder[b]).add(b);
        votes[holder[b]] += amount;
        return 0;
    }

    private static int nextContinuing(int[] ranking, int from, int[] state) {
        for (int i = from + 1; i < ranking.length; i++) {
            if (state[ranking[i]] == StvSupport.HOPEFUL) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Breaks a tie by the earliest stage at which the tied candidates had unequal votes (for a surplus the one with
     * more votes is chosen, for an exclusion the one with fewer), then by id order.
     */
    private static int breakTie(Election e, List<Integer> tied, List<long[]> history, boolean most, int stage,
            String purpose, List<TieBreak> ties) {
        if (tied.size() == 1) {
            return tied.get(0);
        }
        List<Integer> left = new ArrayList<>(tied);
        for (long[] h : history) {
            long best = most ? Long.MIN_VALUE : Long.MAX_VALUE;
            for (int c : left) {
                best = most ? Math.max(best, h[c]) : Math.min(best, h[c]);
            }
            List<Integer> keep = new ArrayList<>();
            for (int c : left) {
                if (h[c] == best) {
                    keep.add(c);
                }
            }
            left = keep;
            if (left.size() == 1) {
                ties.add(new TieBreak(stage, purpose, e.sortedIds(tied), e.id(left.get(0)),
                        TieBreaking.EARLIER_STAGE));
                return left.get(0);
            }
        }
        int c = most ? TieBreaking.favoured(e, left) : TieBreaking.disfavoured(e, left);
        ties.add(new TieBreak(stage, purpose, e.sortedIds(tied), e.id(c), TieBreaking.EVERY_STAGE));
        return c;
    }
}
