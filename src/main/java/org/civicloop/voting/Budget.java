package org.civicloop.voting;

import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CycleView;

/**
 * One budget of a cycle as everyone reads it: the city-wide one (the cycle's own envelope and counting rule, code
 * {@value #CITY}, no district, {@code id} null) or a district's ({@link DistrictBudget}). Its options, ballots,
 * ballot box and count are its own.
 *
 * @param rule the counting rule in force (a district budget without its own rule counts with the mandate's; greedy
 *             when the mandate names none)
 */
public record Budget(Long id, long cycleId, String code, String label, String district, long amount,
                     CountingRule rule) {

    /** The code of every cycle's city-wide budget (no district budget may take it). */
    public static final String CITY = "city";

    public boolean cityWide() {
        return id == null;
    }

    static Budget cityWide(CycleView cycle) {
        return new Budget(null, cycle.id(), CITY, null, null,
                cycle.budgetAmount() == null ? 0 : cycle.budgetAmount(), ruleOf(cycle));
    }

    static Budget of(DistrictBudget b, CycleView cycle) {
        return new Budget(b.getId(), b.getCycleId(), b.getCode(), b.getLabel(), b.getDistrict(), b.getAmount(),
                b.getCountingRule() == null ? ruleOf(cycle) : b.getCountingRule());
    }

    private static CountingRule ruleOf(CycleView cycle) {
        return cycle.countingRule() == null ? CountingRule.GREEDY : cycle.countingRule();
    }

    /** The suffix of this budget's export file names and box labels: empty for the city-wide budget. */
    public String fileSuffix() {
        return cityWide() ? "" : "-" + code;
    }
}
