package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.List;

import org.civicloop.jury.selection.model.Person;

/**
 * The older greedy random draw (as described for the Sortition Foundation's original tool), for comparison. One
 * attempt: repeat k times — for every quota value compute its need ratio {@code (min - selected) / remaining people
 * with the value}, take the value with the highest ratio (first in quota order on ties), select a uniformly random
 * remaining person with it, then drop that person's household and every remaining person with a value whose maximum
 * is now reached. The attempt fails if a value still below its minimum has nobody left, if the pool runs out, or if a
 * minimum is unmet at the end; failed attempts are retried with the same random stream.
 */
final class LegacyAlgorithm {

    private LegacyAlgorithm() {
    }

    /** A panel (list of people) or null if every attempt failed. */
    static List<Person> draw(TypeModel m, int k, SeededRandom rng, int attempts) {
        List<Person> people = m.people;
        int n = people.size();
        int nv = m.values.size();
        int[][] personValues = new int[n][];
        for (int i = 0; i < n; i++) {
            personValues[i] = m.typeValues[m.typeOf.get(people.get(i).id())];
        }
        for (int attempt = 0; attempt < attempts; attempt++) {
            boolean[] gone = new boolean[n];
            int[] remaining = new int[nv];
            int[] selected = new int[nv];
            for (int[] pv : personValues) {
                for (int v : pv) {
                    remaining[v]++;
                }
            }
            int left = n;
            List<Person> panel = new ArrayList<>();
            boolean failed = false;
            for (int step = 0; step < k && !failed; step++) {
                int best = -1;
                double bestRatio = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < nv; v++) {
                    int need = m.min[v] - selected[v];
                    if (remaining[v] == 0) {
                        if (need > 0) {
                            failed = true;
                        }
                        continue;
                    }
                    double ratio = (double) need / remaining[v];
                    if (ratio > bestRatio) {
                        bestRatio = ratio;
                        best = v;
                    }
                }
                if (failed || best < 0 || left == 0) {
                    failed = true;
                    break;
                }
                int pick = rng.nextInt(remaining[best]);
                int chosen = -1;
                for (int i = 0; i < n; i++) {
                    if (!gone[i] && contains(personValues[i], best) && pick-- == 0) {
                        chosen = i;
                        break;
                    }
                }
                Person p = people.get(chosen);
                panel.add(p);
                left -= remove(chosen, gone, personValues, remaining);
                for (int v : personValues[chosen]) {
                    selected[v]++;
                }
                for (int i = 0; i < n; i++) {
                    if (gone[i]) {
                        continue;
                    }
                    boolean drop = p.sameHousehold(people.get(i));
                    for (int v : personValues[i]) {
                        drop |= selected[v] >= m.max[v];
                    }
                    if (drop) {
                        left -= remove(i, gone, personValues, remaining);
                    }
                }
            }
            if (!failed) {
                for (int v = 0; v < nv; v++) {
                    failed |= selected[v] < m.min[v];
                }
            }
            if (!failed && panel.size() == k) {
                return panel;
            }
        }
        return null;
    }

    private static int remove(int i, boolean[] gone, int[][] personValues, int[] remaining) {
        if (gone[i]) {
            return 0;
        }
        gone[i] = true;
        for (int v : personValues[i]) {
            remaining[v]--;
        }
        return 1;
    }

    private static boolean contains(int[] a, int x) {
        for (int y : a) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }
}
