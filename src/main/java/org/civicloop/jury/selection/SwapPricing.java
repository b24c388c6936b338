package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fast heuristic pricing by local search: starting from panels already in the master LP (whose reduced cost is at most
 * 0, and exactly 0 for the basic ones), swap one member for another, or two members for two others with the same
 * feature values between them, keeping every quota and the household rule. Any swap that raises the panel's dual
 * value gives a panel with a positive reduced cost when the start was basic. Plain Java, no solver call; the exact
 * integer program still decides when no improving panel exists.
 */
final class SwapPricing {

    private final TypeModel m;
    private final int k;
    private final int n;
    private final int features;
    private final int[] upper;
    private final int[] householdOf;
    private final Map<Long, int[]> byProfile = new HashMap<>();
    private final long[] profile;

    SwapPricing(TypeModel m, int k) {
        this.m = m;
        this.k = k;
        this.n = m.typeCount();
        this.features = n == 0 ? 0 : m.typeValues[0].length;
        this.upper = new int[n];
        this.householdOf = new int[n];
        this.profile = new long[n];
        java.util.Arrays.fill(householdOf, -1);
        for (int h = 0; h < m.households.length; h++) {
            for (int t : m.households[h]) {
                householdOf[t] = h;
            }
        }
        Map<Long, List<Integer>> groups = new HashMap<>();
        for (int t = 0; t < n; t++) {
            upper[t] = Math.min(m.size[t], k);
            profile[t] = key(m.typeValues[t]);
            groups.computeIfAbsent(profile[t], x -> new ArrayList<>()).add(t);
        }
        groups.forEach((key, list) -> byProfile.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    private long key(int[] values) {
        long key = 0;
        for (int v : values) {
            key = key * 1_000_003L + v + 1;
        }
        return key;
    }

    /**
     * Improves {@code start} by up to {@code steps} best swaps under per-member gains {@code gain_t}; returns the
     * improved panel or null if no swap gains more than {@code tolerance}.
     */
    int[] improve(int[] start, double[] gain, double tolerance, int steps) {
        int[] c = start.clone();
        int[] count = new int[m.values.size()];
        int[] household = new int[m.households.length];
        for (int t = 0; t < n; t++) {
            if (c[t] > 0) {
                for (int v : m.typeValues[t]) {
                    count[v] += c[t];
                }
                if (householdOf[t] >= 0) {
                    household[householdOf[t]] += c[t];
                }
            }
        }
        boolean improved = false;
        for (int step = 0; step < steps; step++) {
            int[] members = members(c);
            double best = tolerance;
            int ra = -1;
            int rb = -1;
            int ra2 = -1;
            int rb2 = -1;
            // one for one
            for (int a : members) {
                for (int b = 0; b < n; b++) {
                    double g = gain[b] - gain[a];
                    if (g <= best || b == a || c[b] >= upper[b] || !householdFree(b, a, -1, household)) {
                        continue;
                    }
                    if (quotasAllow(a, b, count)) {
                        best = g;
                        ra = a;
                        rb = b;
                        ra2 = -1;
                        rb2 = -1;
                    }
                }
            }
            // two for two with the same feature values between them
            int[] need = new int[features];
            for (int i = 0; i < members.length; i++) {
                int a1 = members[i];
                for (int j = i + 1; j < members.length; j++) {
                    int a2 = members[j];
                    double base = gain[a1] + gain[a2];
                    for (int b1 = 0; b1 < n; b1++) {
                        if (gain[b1] <= 0 || b1 == a1 || b1 == a2) {
                            continue;
                        }
                        boolean ok = true;
                        int[] v1 = m.typeValues[b1];
                        int[] x1 = m.typeValues[a1];
                        int[] x2 = m.typeValues[a2];
                        for (int f = 0; f < features && ok; f++) {
                            if (v1[f] == x1[f]) {
                                need[f] = x2[f];
                            } else if (v1[f] == x2[f]) {
                                need[f] = x1[f];
                            } else {
                                ok = false;
                            }
                        }
                        if (!ok) {
                            continue;
                        }
                        int[] candidates = byProfile.get(key(need));
                        if (candidates == null) {
                            continue;
                        }
                        for (int b2 : candidates) {
                            double g = gain[b1] + gain[b2] - base;
                            if (g <= best || b2 == a1 || b2 == a2) {
                                continue;
                            }
                            int room1 = upper[b1] - c[b1];
                            if (b2 == b1 ? room1 < 2 : room1 < 1 || c[b2] >= upper[b2]) {
                                continue;
                            }
                            if (!pairHouseholdsFree(b1, b2, a1, a2, household)) {
                                continue;
                            }
                            best = g;
                            ra = a1;
                            ra2 = a2;
                            rb = b1;
                            rb2 = b2;
                        }
                    }
                }
            }
            if (ra < 0) {
                break;
            }
            apply(c, count, household, ra, -1);
            apply(c, count, household, rb, +1);
            if (ra2 >= 0) {
                apply(c, count, household, ra2, -1);
                apply(c, count, household, rb2, +1);
            }
            improved = true;
        }
        return improved ? c : null;
    }

    private int[] members(int[] c) {
        int size = 0;
        for (int t = 0; t < n; t++) {
            if (c[t] > 0) {
                size++;
            }
        }
        int[] members = new int[size];
        int i = 0;
        for (int t = 0; t < n; t++) {
            if (c[t] > 0) {
                members[i++] = t;
            }
        }
        return members;
    }

    private void apply(int[] c, int[] count, int[] household, int t, int delta) {
        c[t] += delta;
        for (int v : m.typeValues[t]) {
            count[v] += delta;
        }
        if (householdOf[t] >= 0) {
            household[householdOf[t]] += delta;
        }
    }

    private boolean quotasAllow(int a, int b, int[] count) {
        int[] va = m.typeValues[a];
        int[] vb = m.typeValues[b];
        for (int f = 0; f < features; f++) {
            if (va[f] != vb[f] && (count[va[f]] - 1 < m.min[va[f]] || count[vb[f]] + 1 > m.max[vb[f]])) {
                return false;
            }
        }
        return true;
    }

    private boolean householdFree(int b, int a1, int a2, int[] household) {
        int h = householdOf[b];
        if (h < 0) {
            return true;
        }
        int present = household[h];
        if (householdOf[a1] == h) {
            present--;
        }
        if (a2 >= 0 && householdOf[a2] == h) {
            present--;
        }
        return present == 0;
    }

    private boolean pairHouseholdsFree(int b1, int b2, int a1, int a2, int[] household) {
        if (!householdFree(b1, a1, a2, household) || !householdFree(b2, a1, a2, household)) {
            return false;
        }
        return householdOf[b1] < 0 || householdOf[b1] != householdOf[b2];
    }
}
