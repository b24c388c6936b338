package org.civicloop.measure;

/**
 * A line of the co-production ledger: what citizens contributed (volunteer hours, in-kind resources) or what the
 * engagement cost (staff hours, venue, incentives, other costs). Both are inputs in the public value chain.
 */
public enum LedgerKind {
    VOLUNTEER_HOURS(true), IN_KIND(true), STAFF_HOURS(false), VENUE(false), INCENTIVES(false), OTHER_COST(false);

    private final boolean contribution;

    LedgerKind(boolean contribution) {
        this.contribution = contribution;
    }

    /** True for citizens' contributions, false for engagement costs. */
    public boolean isContribution() {
        return contribution;
    }

    /** Whether a line of this kind counts hours (volunteer or staff time). */
    public boolean isHours() {
        return this == VOLUNTEER_HOURS || this == STAFF_HOURS;
    }
}
