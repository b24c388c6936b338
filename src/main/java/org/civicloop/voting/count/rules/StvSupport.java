package org.civicloop.voting.count.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.voting.count.CountException;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Explanation.Reason;
import org.civicloop.voting.count.Profile;

/** Shared helpers of the STV rules. */
final class StvSupport {

    static final int HOPEFUL = 0;
    static final int ELECTED = 1;
    static final int EXCLUDED = 2;

    private StvSupport() {
    }

    static int seats(String rule, Election e, Profile p, CountOptions o) {
        Ranked.requireRanked(rule, p);
        Integer k = o == null ? null : o.seats();
        if (k == null) {
            if (e.seats() <= 0) {
                throw new CountException("the " + rule + " rule needs the number of seats (--seats K): this file"
                        + " does not give it");
            }
            k = e.seats();
        }
        int participants = e.size() - e.withdrawn().size();
        if (k < 1) {
            throw new CountException("the number of seats must be positive");
        }
        if (k > participants) {
            throw new CountException("cannot fill " + k + " seats with " + participants + " candidates");
        }
        return k;
    }

    /** A fixed-point value with {@code places} decimals as a JSON-friendly exact decimal. */
    static BigDecimal dec(long units, int places) {
        return BigDecimal.valueOf(units, places);
    }

    /**
     * Why each option that was not elected lost: withdrawn, the reason recorded when it was excluded, or (never
     * excluded) that the seats were filled before it reached the quota, with its final votes.
     */
    static Map<String, Explanation> losers(Election e, int[] state, Map<Integer, Explanation> why, int seats,
            long[] votes, long quota, int places) {
        Map<String, Explanation> lost = new LinkedHashMap<>();
        for (int c = 0; c < state.length; c++) {
            if (state[c] == ELECTED) {
                continue;
            }
            if (e.withdrawn().contains(c)) {
                lost.put(e.id(c), Explanation.of(Reason.WITHDRAWN));
            } else if (why.containsKey(c)) {
                lost.put(e.id(c), why.get(c));
            } else {
                lost.put(e.id(c), Explanation.of(Reason.STV_SEATS_FILLED, seats, dec(votes[c], places),
                        dec(quota, places)));
            }
        }
        return lost;
    }

    static Map<String, Object> byId(Election e, long[] units, int places, int[] state, boolean onlyActive) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < units.length; i++) {
            if (e.withdrawn().contains(i)) {
                continue;
            }
            if (onlyActive && state != null && state[i] == EXCLUDED && units[i] == 0) {
                continue;
            }
            m.put(e.id(i), dec(units[i], places));
        }
        return m;
    }
}
