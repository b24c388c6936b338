package org.civicloop.voting.count.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountException;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Profile;

/** Shared helpers of the ranked rules. */
final class Ranked {

    private Ranked() {
    }

    static void requireRanked(String rule, Profile p) {
        if (p.type() != BallotType.ORDINAL) {
            throw new CountException("the " + rule + " rule needs ranked (ordinal) ballots, but this file has "
                    + p.type().name().toLowerCase() + " ballots");
        }
    }

    /**
     * The pairwise matrix: {@code d[x][y]} = number of voters who rank x strictly above y (an option ranked anywhere
     * is above every unranked option; unranked options are not compared; options in one tie group are equal).
     */
    static long[][] pairwise(Election e, Profile p) {
        int m = e.size();
        long[][] d = new long[m][m];
        int[] rankOf = new int[m];
        for (BallotGroup b : p.ballots()) {
            java.util.Arrays.fill(rankOf, Integer.MAX_VALUE);
            int[][] ranks = b.ranks();
            for (int g = 0; g < ranks.length; g++) {
                for (int o : ranks[g]) {
                    rankOf[o] = g;
                }
            }
            long c = b.count();
            for (int g = 0; g < ranks.length; g++) {
                for (int x : ranks[g]) {
                    long[] row = d[x];
                    for (int y = 0; y < m; y++) {
                        if (rankOf[y] > g) {
                            row[y] += c;
                        }
                    }
                }
            }
        }
        return d;
    }

    /** An option-id keyed map in file order with the given values, skipping null values. */
    static <V> Map<String, Object> byId(Election e, List<V> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                m.put(e.id(i), values.get(i));
            }
        }
        return m;
    }

    static Map<String, Object> matrix(Election e, long[][] d, boolean[] include) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (int x = 0; x < d.length; x++) {
            if (!include[x]) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int y = 0; y < d.length; y++) {
                if (include[y] && y != x) {
                    row.put(e.id(y), d[x][y]);
                }
            }
            rows.put(e.id(x), row);
        }
        return rows;
    }

    static boolean[] participating(Election e) {
        boolean[] in = new boolean[e.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = !e.withdrawn().contains(i);
        }
        return in;
    }

    /** The Condorcet winner (beats every other participating option head to head), or -1. */
    static int condorcetWinner(long[][] d, boolean[] in) {
        for (int x = 0; x < d.length; x++) {
            if (!in[x]) {
                continue;
            }
            boolean all = true;
            for (int y = 0; y < d.length && all; y++) {
                if (y != x && in[y] && d[x][y] <= d[y][x]) {
                    all = false;
                }
            }
            if (all) {
                return x;
            }
        }
        return -1;
    }
}
