package org.civicloop.voting.count;

/**
 * A group of identical ballots.
 *
 * <p>{@code ranks} lists groups of option indexes from most to least preferred; an ordinal ballot without ties
 * has one option per group, an approval or cumulative ballot has a single group. {@code points} is null except for
 * cumulative ballots, where it gives the points of each option of {@code ranks[0]} in the same order. Arrays are
 * never modified after construction.
 */
public final class BallotGroup {

    private static final int[][] SINGLE = new int[4096][];

    static {
        for (int i = 0; i < SINGLE.length; i++) {
            SINGLE[i] = new int[] {i};
        }
    }

    /** A shared one-element rank group {@code {option}} (never modify it). */
    public static int[] single(int option) {
        return option < SINGLE.length ? SINGLE[option] : new int[] {option};
    }

    private final int[][] ranks;
    private final long[] points;
    private final long count;

    public BallotGroup(int[][] ranks, long[] points, long count) {
        this.ranks = ranks;
        this.points = points;
        this.count = count;
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

}
