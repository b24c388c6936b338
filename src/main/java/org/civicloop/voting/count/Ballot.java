package org.civicloop.voting.count;

import java.util.Arrays;

/**
 * A group of identical ballots.
 *
 * <p>{@code ranks} lists groups of option indexes from most to least preferred; an ordinal ballot without ties
 * has one option per group, an approval or cumulative ballot has a single group. {@code points} is null except for
 * cumulative ballots, where it gives the points of each option of {@code ranks[0]} in the same order. Arrays are
 * never modified after construction.
 */
public final class Ballot {

    private final int[][] ranks;
    private final long[] points;
    private final long count;
    private final int hash;

    public Ballot(int[][] ranks, long[] points, long count) {
        this.ranks = ranks;
        this.points = points;
        this.count = count;
        this.hash = Arrays.deepHashCode(ranks) * 31 + Arrays.hashCode(points);
    }

    public int[][] ranks() {
        return ranks;
    }

    public long[] points() {
        return points;
    }

    /** How many voters cast this ballot. */
    public long count() {
        return count;
    }

    /** All options of the ballot in order (ranks flattened). */
    public int[] options() {
        if (ranks.length == 1) {
            return ranks[0];
        }
        int n = 0;
        for (int[] g : ranks) {
            n += g.length;
        }
        int[] all = new int[n];
        int k = 0;
        for (int[] g : ranks) {
            for (int o : g) {
                all[k++] = o;
            }
        }
        return all;
    }

    public boolean hasTies() {
        for (int[] g : ranks) {
            if (g.length > 1) {
                return true;
            }
        }
        return false;
    }

    Ballot withCount(long c) {
        return new Ballot(ranks, points, c);
    }

    /** Same content, ignoring the count. */
    boolean sameContent(Ballot o) {
        return hash == o.hash && Arrays.deepEquals(ranks, o.ranks) && Arrays.equals(points, o.points);
    }

    int contentHash() {
        return hash;
    }
}
