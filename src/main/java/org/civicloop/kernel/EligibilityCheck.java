package org.civicloop.kernel;

/**
 * The port through which voting and proposals ask whether an account may cast a residents' ballot or support in a
 * cycle; the eligibility capability answers it ({@code eligibility.Eligibility}). Through this port the callers need
 * no dependency on the eligibility capability (which depends on the cycle), so no cycle between capabilities arises.
 */
public interface EligibilityCheck {

    /**
     * The answer for one account: {@code allowed}, else {@code refusal} (a message key: not verified, or another
     * district); {@code open} when the cycle has no electorate (any signed-in resident); {@code district} the one the
     * account was verified in.
     */
    record Verdict(boolean allowed, boolean open, String district, String refusal) {
        public static final Verdict OPEN = new Verdict(true, true, null, null);
    }

    /** Whether {@code account} may cast a residents' ballot or support in the cycle. */
    default Verdict check(String account, long cycleId) {
        return check(account, cycleId, null);
    }

    /**
     * As {@link #check(String, long)}, for something that belongs to a district (a proposal): refused to a resident
     * verified in another of the electorate's districts. A district the electorate does not list is open to all its
     * verified residents.
     */
    Verdict check(String account, long cycleId, String district);

    /**
     * The districts of the cycle's electorate, in the officer's order (empty when the cycle has none: open to any
     * signed-in resident). District budgets are defined for these.
     */
    default java.util.List<String> districts(long cycleId) {
        return java.util.List.of();
    }
}
