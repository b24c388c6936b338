package org.civicloop.deliberation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Seats jurors at tables for a small-group round (plain Java, no Jakarta). Two aims, in this order of weight:
 * <ol>
 *   <li>each table mixes the jury's categories as evenly as possible: for every feature (age band, area, ...) each
 *       table's count of each value is as close as can be to that value's share of the jury times the table's
 *       size;</li>
 *   <li>people meet new tablemates: every pair who already sat together in an earlier round costs a penalty each
 *       time they share a table again.</li>
 * </ol>
 * Tables are filled so their sizes differ by at most one. The search is a greedy seating (rarest category mixes
 * first) improved by swapping pairs of jurors between tables while the cost falls, from several seeded starts; the
 * same input and seed always give the same seating.
 */
public final class TableAllocator {

    /** One juror: an id and their category values (feature to value). */
    public record Juror(long id, Map<String, String> categories) {
    }

    /** The seating and its cost: the mixing cost (sum of squared deviations) and the repeated pairs. */
    public record Seating(List<List<Long>> tables, double mixCost, int repeatedPairs) {
    }

    /** Weight of one repeated pair against one unit of squared deviation from an even mix. */
    static final double REPEAT_WEIGHT = 0.75;
    private static final int STARTS = 8;

    private TableAllocator() {
    }

    /**
     * @param jurors  who sits down (at least one)
     * @param tables  how many tables (1..number of jurors)
     * @param history earlier tables (each a list of juror ids), to avoid seating the same pairs again
     * @param seed    for the tie-breaks and the restarts
     */
    public static Seating allocate(List<Juror> jurors, int tables, Collection<List<Long>> history, long seed) {
        if (jurors.isEmpty()) {
            throw new IllegalArgumentException("no jurors to seat");
        }
        if (tables < 1 || tables > jurors.size()) {
            throw new IllegalArgumentException("tables must be between 1 and the number of jurors");
        }
        Problem p = new Problem(jurors, tables, history);
        Random random = new Random(seed);
        int[] best = null;
        double bestCost = Double.MAX_VALUE;
        for (int start = 0; start < STARTS; start++) {
            int[] seat = p.greedy(random);
            p.improve(seat, random);
            double cost = p.cost(seat);
            if (cost < bestCost - 1e-9) {
                bestCost = cost;
                best = seat;
            }
        }
        return p.seating(best);
    }

    /** How many pairs in these tables already sat together in the history (each earlier meeting counts once). */
    public static int repeatedPairs(List<List<Long>> tables, Collection<List<Long>> history) {
        Map<Long, Map<Long, Integer>> met = met(history);
        int repeats = 0;
        for (List<Long> t : tables) {
            for (int i = 0; i < t.size(); i++) {
                for (int j = i + 1; j < t.size(); j++) {
                    repeats += met.getOrDefault(t.get(i), Map.of()).getOrDefault(t.get(j), 0);
                }
            }
        }
        return repeats;
    }

    private static Map<Long, Map<Long, Integer>> met(Collection<List<Long>> history) {
        Map<Long, Map<Long, Integer>> met = new HashMap<>();
        for (List<Long> t : history) {
            for (Long a : t) {
                for (Long b : t) {
                    if (!a.equals(b)) {
                        met.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1, Integer::sum);
                    }
                }
            }
        }
        return met;
    }

    private static final class Problem {
        final int n;
        final int k;
        final long[] ids;
        final int[] capacity;
        /** value index of juror i for feature f (-1 when unknown). */
        final int[][] value;
        /** expected count of value v of feature f at a table of each capacity: share[f][v] * capacity. */
        final double[][] share;
        final int[][] meetings;

        Problem(List<Juror> jurors, int k, Collection<List<Long>> history) {
            this.n = jurors.size();
            this.k = k;
            this.ids = new long[n];
            Map<Long, Integer> index = new HashMap<>();
            for (int i = 0; i < n; i++) {
                ids[i] = jurors.get(i).id();
                if (index.put(ids[i], i) != null) {
                    throw new IllegalArgumentException("juror " + ids[i] + " listed twice");
                }
            }
            capacity = new int[k];
            for (int t = 0; t < k; t++) {
                capacity[t] = n / k + (t < n % k ? 1 : 0);
            }
            TreeSet<String> features = new TreeSet<>();
            jurors.forEach(j -> features.addAll(j.categories().keySet()));
            List<String> fs = new ArrayList<>(features);
            value = new int[fs.size()][n];
            share = new double[fs.size()][];
            for (int f = 0; f < fs.size(); f++) {
                final int ff = f;
                Map<String, Integer> values = new LinkedHashMap<>();
                new TreeSet<>(jurors.stream().map(j -> j.categories().get(fs.get(ff)))
                        .filter(v -> v != null).toList()).forEach(v -> values.put(v, values.size()));
                double[] s = new double[values.size()];
                for (int i = 0; i < n; i++) {
                    String v = jurors.get(i).categories().get(fs.get(f));
                    value[f][i] = v == null ? -1 : values.get(v);
                    if (v != null) {
                        s[value[f][i]] += 1.0 / n;
                    }
                }
                share[f] = s;
            }
            meetings = new int[n][n];
            Map<Long, Map<Long, Integer>> met = met(history);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    meetings[i][j] = met.getOrDefault(ids[i], Map.of()).getOrDefault(ids[j], 0);
                }
            }
        }

        /** Seats the rarest category mixes first, each at the open table where they add the least cost. */
        int[] greedy(Random random) {
            Map<String, Integer> mixCount = new HashMap<>();
            String[] mix = new String[n];
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                for (int[] fv : value) {
                    sb.append(fv[i]).append(',');
                }
                mix[i] = sb.toString();
                mixCount.merge(mix[i], 1, Integer::sum);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            order.sort((a, b) -> Integer.compare(mixCount.get(mix[a]), mixCount.get(mix[b])));
            int[] seat = new int[n];
            java.util.Arrays.fill(seat, -1);
            int[] filled = new int[k];
            int[][][] counts = new int[value.length][k][];
            for (int f = 0; f < value.length; f++) {
                for (int t = 0; t < k; t++) {
                    counts[f][t] = new int[share[f].length];
                }
            }
            for (int i : order) {
                int bestTable = -1;
                double bestAdd = Double.MAX_VALUE;
                int offset = random.nextInt(k);
                for (int step = 0; step < k; step++) {
                    int t = (offset + step) % k;
                    if (filled[t] >= capacity[t]) {
                        continue;
                    }
                    double add = 0;
                    for (int f = 0; f < value.length; f++) {
                        int v = value[f][i];
                        if (v >= 0) {
                            double expected = share[f][v] * capacity[t];
                            double c = counts[f][t][v];
                            add += (c + 1 - expected) * (c + 1 - expected) - (c - expected) * (c - expected);
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        if (seat[j] == t) {
                            add += REPEAT_WEIGHT * meetings[i][j];
                        }
                    }
                    if (add < bestAdd - 1e-9) {
                        bestAdd = add;
                        bestTable = t;
                    }
                }
                seat[i] = bestTable;
                filled[bestTable]++;
                for (int f = 0; f < value.length; f++) {
                    if (value[f][i] >= 0) {
                        counts[f][bestTable][value[f][i]]++;
                    }
                }
            }
            return seat;
        }

        /** Swaps two jurors at different tables whenever that lowers the cost, until no swap does. */
        void improve(int[] seat, Random random) {
            double cost = cost(seat);
            boolean better = true;
            int passes = 0;
            while (better && passes++ < 50) {
                better = false;
                int first = random.nextInt(n);
                for (int a0 = 0; a0 < n; a0++) {
                    int a = (first + a0) % n;
                    for (int b = 0; b < n; b++) {
                        if (seat[a] == seat[b]) {
                            continue;
                        }
                        int ta = seat[a];
                        seat[a] = seat[b];
                        seat[b] = ta;
                        double c = cost(seat);
                        if (c < cost - 1e-9) {
                            cost = c;
                            better = true;
                        } else {
                            seat[b] = seat[a];
                            seat[a] = ta;
                        }
                    }
                }
            }
        }

        double cost(int[] seat) {
            return mixCost(seat) + REPEAT_WEIGHT * repeats(seat);
        }

        double mixCost(int[] seat) {
            double cost = 0;
            for (int f = 0; f < value.length; f++) {
                int[][] c = new int[k][share[f].length];
                for (int i = 0; i < n; i++) {
                    if (value[f][i] >= 0) {
                        c[seat[i]][value[f][i]]++;
                    }
                }
                for (int t = 0; t < k; t++) {
                    for (int v = 0; v < share[f].length; v++) {
                        double d = c[t][v] - share[f][v] * capacity[t];
                        cost += d * d;
                    }
                }
            }
            return cost;
        }

        int repeats(int[] seat) {
            int r = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (seat[i] == seat[j]) {
                        r += meetings[i][j];
                    }
                }
            }
            return r;
        }

        Seating seating(int[] seat) {
            List<List<Long>> out = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                out.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                out.get(seat[i]).add(ids[i]);
            }
            out.forEach(Collections::sort);
            List<List<Long>> frozen = out.stream().map(List::copyOf).toList();
            return new Seating(frozen, ShiftCalculator.round(mixCost(seat)), repeats(seat));
        }
    }
}
