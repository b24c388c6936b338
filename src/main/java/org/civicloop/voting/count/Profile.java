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
    private final List<Ballot> ballots;
    private final long voters;
    private final int maxLength;

    private Profile(BallotType type, List<Ballot> ballots, long voters, int maxLength) {
        this.type = type;
        this.ballots = ballots;
        this.voters = voters;
        this.maxLength = maxLength;
    }

    public BallotType type() {
        return type;
    }

    /** Distinct ballots with their counts, in order of first appearance. */
    public List<Ballot> ballots() {
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
        private final List<Ballot> list = new ArrayList<>();
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

        public Builder addRanking(int[][] ranks, long count) {
            return add(new Ballot(ranks, null, count));
        }

        public Builder addApproval(int[] approved, long count) {
            return add(new Ballot(new int[][] {approved}, null, count));
        }

        public Builder addCumulative(int[] options, long[] points, long count) {
            return add(new Ballot(new int[][] {options}, points, count));
        }

        public Builder add(Ballot b) {
            if (b.count() <= 0) {
                return this;
            }
            voters = Math.addExact(voters, b.count());
            int len = b.options().length;
            longest = Math.max(longest, len);
            Key k = new Key(b);
            Integer at = index.get(k);
            if (at == null) {
                index.put(k, list.size());
                list.add(b);
            } else {
                Ballot old = list.get(at);
                list.set(at, old.withCount(old.count() + b.count()));
            }
            return this;
        }

        public Profile build() {
            return new Profile(type, List.copyOf(list), voters, maxLength > 0 ? maxLength : longest);
        }
    }

    private static final class Key {
        final Ballot b;

        Key(Ballot b) {
            this.b = b;
        }

        @Override
        public int hashCode() {
            return b.contentHash();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.b.sameContent(b);
        }
    }
}
