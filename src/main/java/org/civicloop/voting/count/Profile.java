package org.civicloop.voting.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ballots of an election, grouped: identical ballots are stored once with a multiplicity.
 *
 * <p>{@code maxLength} is the maximal ranking length used for ordinal utilities ({@code max_length - position});
 * for non-ordinal profiles it is unused.
 */
public final class Profile {

    private final BallotType type;
    private final List<BallotGroup> ballots;
    private final long voters;
    private final int maxLength;

    private Profile(BallotType type, List<BallotGroup> ballots, long voters, int maxLength) {
        this.type = type;
        this.ballots = ballots;
        this.voters = voters;
        this.maxLength = maxLength;
    }

    public BallotType type() {
        return type;
    }

    /** Distinct ballots with their counts, in order of first appearance. */
    public List<BallotGroup> ballots() {
        return ballots;
    }

    /** Total number of voters (sum of counts). */
    public long voters() {
        return voters;
    }

    public int maxLength() {
        return maxLength;
    }

    public static Builder builder(BallotType type) {
        return new Builder(type);
    }

    /** Collects ballots and groups identical ones. */
    public static final class Builder {
        private final BallotType type;
        private final List<Key> keys = new ArrayList<>();
        private long[] counts = new long[64];
        private final Map<Key, Integer> index = new HashMap<>();
        private long voters;
        private int longest;
        private int maxLength;

        private Builder(BallotType type) {
            this.type = type;
        }

        /** The ranking length for ordinal utilities; defaults to the longest ballot. */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** Adds a ranking: groups of option indexes, best first (arrays must not be modified afterwards). */
        public Builder addRanking(int[][] ranks, long count) {
            return add(ranks, null, count);
        }

        /** Adds an approval ballot: the approved option indexes (sorted). */
        public Builder addApproval(int[] approved, long count) {
            return add(new int[][] {approved}, null, count);
        }

        /** Adds a cumulative ballot: options and the points given to each. */
        public Builder addCumulative(int[] options, long[] points, long count) {
            return add(new int[][] {options}, points, count);
        }

        public Builder add(BallotGroup b) {
            return add(b.ranks(), b.points(), b.count());
        }

        private Builder add(int[][] ranks, long[] points, long count) {
            if (count <= 0) {
                return this;
            }
            voters = Math.addExact(voters, count);
            int len = 0;
            for (int[] g : ranks) {
                len += g.length;
            }
            longest = Math.max(longest, len);
            Key k = new Key(ranks, points);
            Integer at = index.putIfAbsent(k, keys.size());
            if (at == null) {
                if (keys.size() == counts.length) {
                    counts = java.util.Arrays.copyOf(counts, counts.length * 2);
                }
                counts[keys.size()] = count;
                keys.add(k);
            } else {
                counts[at] += count;
            }
            return this;
        }

        public Profile build() {
            List<BallotGroup> list = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                list.add(new BallotGroup(keys.get(i).ranks, keys.get(i).points, counts[i]));
            }
            return new Profile(type, java.util.Collections.unmodifiableList(list), voters,
                    maxLength > 0 ? maxLength : longest);
        }
    }

    private static final class Key {
        final int[][] ranks;
        final long[] points;
        final int hash;

        Key(int[][] ranks, long[] points) {
            this.ranks = ranks;
            this.points = points;
            int h = 1;
            for (int[] g : ranks) {
                for (int o : g) {
                    h = 31 * h + o;
                }
                h = 31 * h + 0x5bd1e995;
            }
            this.hash = h * 31 + java.util.Arrays.hashCode(points);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && java.util.Arrays.deepEquals(k.ranks, ranks)
                    && java.util.Arrays.equals(k.points, points);
        }
    }
}
