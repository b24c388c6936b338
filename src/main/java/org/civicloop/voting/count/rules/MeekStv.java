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
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rule;
import org.civicloop.voting.count.TieBreak;
import org.civicloop.voting.count.TieBreaking;

/**
 * Single transferable vote by Meek's method (Hill, Wichmann &amp; Woodall 1987), in fixed point: all values in
 * units of 10^-9 (as in the New Zealand rules), exact integer arithmetic, never floating point.
 *
 * <ul>
 * <li>Each candidate has a keep factor: 1 while hopeful, 0 once excluded, below 1 once elected. A ballot gives each
 * candidate in its order the part {@code ceil9(weight &times; keep)} of the weight still left and passes the rest on;
 * what passes beyond the last preference is excess. Equally ranked candidates (BLT "=") share the weight left
 * equally.</li>
 * <li>Quota = floor9((total votes - excess) / (seats + 1)) (the exact Droop quota, recomputed as votes become
 * excess). A hopeful candidate whose votes exceed the quota is elected.</li>
 * <li>After each distribution the keep factor of every elected candidate becomes
 * {@code ceil9(keep &times; quota / votes)}; this is repeated until the total surplus of the elected candidates is
 * below {@code omega} = 10^-6 (or the keep factors no longer change).</li>
 * <li>Then, if nobody new reached the quota, the hopeful candidate with the fewest votes (compared exactly, in
 * the fixed-point values) is excluded; exact ties are broken by the lexicographic order of ids (largest id excluded)
 * and reported. Candidates within the remaining surplus of the lowest are listed in the round data
 * ({@code withinSurplusOfLowest}) as near-ties.</li>
 * <li>When the hopeful candidates are no more than the vacancies they are all elected; once the seats are filled
 * the rest are not elected.</li>
 * </ul>
 */
public final class MeekStv implements Rule {

    private static final int PLACES = 9;
    private static final long ONE = 1_000_000_000L;
    private static final long OMEGA = 1_000L; // 10^-6
    private static final int MAX_ITERATIONS = 100_000;

    @Override
    public String name() {
        return "stv-meek";
    }

    @Override
    public CountResult count(Election e, Profile p, CountOptions options) {
        int seats = StvSupport.seats(name(), e, p, options);
        int m = e.size();
        List<BallotGroup> ballots = p.ballots();
        int[] state = new int[m];
        for (int w : e.withdrawn()) {
            state[w] = StvSupport.EXCLUDED;
        }
        long[] keep = new long[m];
        for (int c = 0; c < m; c++) {
            keep[c] = state[c] == StvSupport.EXCLUDED ? 0 : ONE;
        }
        List<Round> rounds = new ArrayList<>();
        List<TieBreak> ties = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        Map<Integer, Explanation> why = new LinkedHashMap<>();
        long[] votes = new long[m];
        int elected = 0;
        int roundNo = 0;
        long quota = 0;
        long excess = 0;
        long totalIterations = 0;
        while (elected < seats) {
            int hopeful = 0;
            for (int c = 0; c < m; c++) {
                if (state[c] == StvSupport.HOPEFUL) {
                    hopeful++;
                }
            }
            roundNo++;
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
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("elected", rest);
                d.put("votes", StvSupport.byId(e, votes, PLACES, state, true));
                rounds.add(new Round(roundNo, "elect-remaining",
                        Explanation.of(Reason.MEEK_ELECT_REMAINING, roundNo, List.copyOf(rest), rest.size()), d));
                break;
            }
            // iterate to convergence, electing anyone who reaches the quota
            int iterations = 0;
            List<String> newly = new ArrayList<>();
            long surplus;
            while (true) {
                excess = distribute(ballots, state, keep, votes);
                long total = 0;
                for (long v : votes) {
                    total += v;
                }
                quota = total / (seats + 1);
                iterations++;
                totalIterations++;
                surplus = 0;
                for (int c = 0; c < m; c++) {
                    if (state[c] == StvSupport.ELECTED && votes[c] > quota) {
                        surplus += votes[c] - quota;
                    }
                }
                boolean any = false;
                for (int c = 0; c < m; c++) {
                    if (state[c] == StvSupport.HOPEFUL && votes[c] > quota) {
                        any = true;
                    }
                }
                if (any) {
                    List<Integer> reach = new ArrayList<>();
                    for (int c = 0; c < m; c++) {
                        if (state[c] == StvSupport.HOPEFUL && votes[c] > quota) {
                            reach.add(c);
                        }
                    }
                    reach.sort((a, b) -> votes[a] != votes[b] ? Long.compare(votes[b], votes[a])
                            : e.compareIds(a, b));
                    for (int c : reach) {
                        if (elected < seats) {
                            state[c] = StvSupport.ELECTED;
                            winners.add(e.id(c));
                            newly.add(e.id(c));
                            elected++;
                        }
                    }
                    break;
                }
                if (surplus < OMEGA) {
                    break;
                }
                boolean changed = false;
                for (int c = 0; c < m; c++) {
                    if (state[c] == StvSupport.ELECTED && votes[c] > 0) {
                        long k = mulDivCeil(keep[c], quota, votes[c]);
                        if (k > ONE) {
                            k = ONE;
                        }
                        if (k != keep[c]) {
                            changed = true;
                            keep[c] = k;
                        }
                    }
                }
                if (!changed || iterations >= MAX_ITERATIONS) {
                    break;
                }
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("quota", StvSupport.dec(quota, PLACES));
            d.put("iterations", iterations);
            d.put("votes", StvSupport.byId(e, votes, PLACES, state, true));
            d.put("keepFactors", keepFactors(e, keep, state));
            d.put("excess", StvSupport.dec(excess, PLACES));
            d.put("surplus", StvSupport.dec(surplus, PLACES));
            if (!newly.isEmpty()) {
                // update keep factors of the newly elected before the next round
                for (int c = 0; c < m; c++) {
                    if (state[c] == StvSupport.ELECTED && votes[c] > 0) {
                        long k = mulDivCeil(keep[c], quota, votes[c]);
                        keep[c] = Math.min(k, ONE);
                    }
                }
                d.put("elected", newly);
                rounds.add(new Round(roundNo, "elect", Explanation.of(Reason.MEEK_ELECT, roundNo, List.copyOf(newly),
                        newly.size(), StvSupport.dec(quota, PLACES)), d));
                continue;
            }
            if (elected >= seats) {
                break;
            }
            long min = Long.MAX_VALUE;
            for (int c = 0; c < m; c++) {
                if (state[c] == StvSupport.HOPEFUL) {
                    min = Math.min(min, votes[c]);
                }
            }
            List<Integer> lowest = new ArrayList<>();
            List<Integer> near = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                if (state[c] == StvSupport.HOPEFUL && votes[c] == min) {
                    lowest.add(c);
                }
                if (state[c] == StvSupport.HOPEFUL && votes[c] <= min + surplus) {
                    near.add(c);
                }
            }
            int out;
            if (lowest.size() > 1) {
                out = TieBreaking.disfavoured(e, lowest);
                ties.add(new TieBreak(roundNo, "exclude", e.sortedIds(lowest), e.id(out), TieBreaking.METHOD));
            } else {
                out = lowest.get(0);
            }
            if (near.size() > lowest.size()) {
                d.put("withinSurplusOfLowest", e.sortedIds(near));
            }
            state[out] = StvSupport.EXCLUDED;
            keep[out] = 0;
            why.put(out, Explanation.of(Reason.MEEK_EXCLUDED, roundNo, StvSupport.dec(votes[out], PLACES),
                    lowest.size() - 1, StvSupport.dec(quota, PLACES)));
            d.put("excluded", e.id(out));
            rounds.add(new Round(roundNo, "exclude", Explanation.of(Reason.MEEK_EXCLUDE, roundNo, e.id(out),
                    StvSupport.dec(votes[out], PLACES), StvSupport.dec(quota, PLACES)), d));
        }
        // final distribution for the explanation
        distribute(ballots, state, keep, votes);
        Map<String, Explanation> lost = StvSupport.losers(e, state, why, seats, votes, quota, PLACES);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seats", seats);
        summary.put("finalQuota", StvSupport.dec(quota, PLACES));
        summary.put("iterations", totalIterations);
        summary.put("keepFactors", keepFactors(e, keep, state));
        return new CountResult(name(), winners, rounds, ties, lost, summary);
    }

    private static Map<String, Object> keepFactors(Election e, long[] keep, int[] state) {
        Map<String, Object> k = new LinkedHashMap<>();
        for (int c = 0; c < keep.length; c++) {
            if (state[c] == StvSupport.ELECTED) {
                k.put(e.id(c), StvSupport.dec(keep[c], PLACES));
            }
        }
        return k;
    }

    /** Distributes every ballot by the keep factors; fills votes; returns the excess. */
    private static long distribute(List<BallotGroup> ballots, int[] state, long[] keep, long[] votes) {
        java.util.Arrays.fill(votes, 0);
        long excess = 0;
        for (BallotGroup b : ballots) {
            long count = b.count();
            long w = ONE;
            for (int[] group : b.ranks()) {
                if (w == 0) {
                    break;
                }
                if (group.length == 1) {
                    int c = group[0];
                    long k = keep[c];
                    if (k == 0) {
                        continue;
                    }
                    long take = k == ONE ? w : ceilDiv(w * k, ONE);
                    votes[c] = Math.addExact(votes[c], Math.multiplyExact(take, count));
                    w -= take;
                } else {
                    int alive = 0;
                    for (int c : group) {
                        if (keep[c] > 0) {
                            alive++;
                        }
                    }
                    if (alive == 0) {
                        continue;
                    }
                    long share = w / alive;
                    long passed = w - share * alive; // rounding remainder passes on
                    for (int c : group) {
                        long k = keep[c];
                        if (k == 0) {
                            continue;
                        }
                        long take = k == ONE ? share : ceilDiv(share * k, ONE);
                        votes[c] = Math.addExact(votes[c], Math.multiplyExact(take, count));
                        passed += share - take;
                    }
                    w = passed;
                }
            }
            excess += w * count;
        }
        return excess;
    }

    /** ceil(a * b / c) for non-negative a, b and positive c, exactly. */
    private static long mulDivCeil(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return ceilDiv(lo, c);
        }
        java.math.BigInteger[] qr = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                .divideAndRemainder(java.math.BigInteger.valueOf(c));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
