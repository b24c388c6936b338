package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.civicloop.cycle.CountingRule;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/**
 * The demo's district budgets, made through the same use cases as an officer's: on the residents' proposals cycle,
 * whose electorate lists its districts, Old Town and Riverside North each get a budget of their own with options of
 * their own, beside the city-wide fund.
 */
@ApplicationScoped
public class DistrictBudgetDemo {

    @Inject
    Budgets budgets;
    @Inject
    VotingService voting;

    public void load(Actor officer, long cycleId) {
        ok(budgets.defineDistrictBudget(officer, cycleId, "old-town", "Old Town budget", "Old Town", 15_000, null));
        ok(voting.defineOption(officer, cycleId, "old-town", "OT1", "Quay Street playground repairs",
                "New safety surface and two replaced swings.", 9_000));
        ok(voting.defineOption(officer, cycleId, "old-town", "OT2", "Lights on the Mill Street steps",
                "Six low lights on the steps down to the river.", 6_000));
        ok(voting.defineOption(officer, cycleId, "old-town", "OT3", "Planters in Market Square",
                "Ten planters looked after by the market traders.", 4_000));
        ok(budgets.defineDistrictBudget(officer, cycleId, "riverside-north", "Riverside North budget",
                "Riverside North", 12_000, CountingRule.MES));
        ok(voting.defineOption(officer, cycleId, "riverside-north", "RN1", "Station Road crossing",
                "A zebra crossing outside the primary school.", 8_000));
        ok(voting.defineOption(officer, cycleId, "riverside-north", "RN2", "Book swap shelter on Park Lane",
                "A weatherproof shelter for swapping books.", 3_000));
        ok(voting.defineOption(officer, cycleId, "riverside-north", "RN3", "Community noticeboards",
                "Four noticeboards at the bus stops.", 2_000));
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
