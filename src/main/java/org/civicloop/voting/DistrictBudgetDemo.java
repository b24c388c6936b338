package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CountingRule;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The demo's district budgets, made through the same use cases as an officer's: on the residents' proposals cycle,
 * whose electorate lists its districts, Old Town and Riverside North each get a budget of their own with options of
 * their own, beside the city-wide fund; and on "Neighbourhood ideas 2026", the cycle that has voted, the same two
 * districts' budgets with their options and the ballots their verified residents cast in them.
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

    /**
     * The voted cycle's options (while the jury learns): four city-wide, three in Old Town's £15,000 budget (the
     * mandate's rule) and three in Riverside North's £12,000 budget (Method of Equal Shares).
     */
    public void votedCycleOptions(Actor officer, long cycleId) {
        ok(voting.defineOption(officer, cycleId, "N1", "Library garden seating",
                "Shaded seats and tables in the Central Library garden.", 12_000));
        ok(voting.defineOption(officer, cycleId, "N2", "Free summer events in the parks",
                "Six free family afternoons with music and games.", 18_000));
        ok(voting.defineOption(officer, cycleId, "N3", "Youth football coaching",
                "Two coached sessions a week for a year, free for under-18s.", 15_000));
        ok(voting.defineOption(officer, cycleId, "N4", "Mill Quarter footbridge repairs",
                "New deck boards and handrails on the weir footbridge.", 22_000));
        ok(budgets.defineDistrictBudget(officer, cycleId, "old-town", "Old Town budget", "Old Town", 15_000, null));
        ok(voting.defineOption(officer, cycleId, "old-town", "OT1", "Market Square benches",
                "Eight benches with armrests around the square.", 6_000));
        ok(voting.defineOption(officer, cycleId, "old-town", "OT2", "Trees on Quay Street",
                "Twelve street trees with three years' watering.", 7_000));
        ok(voting.defineOption(officer, cycleId, "old-town", "OT3", "Church Lane lighting",
                "Five new lamps on the unlit stretch of Church Lane.", 5_000));
        ok(budgets.defineDistrictBudget(officer, cycleId, "riverside-north", "Riverside North budget",
                "Riverside North", 12_000, CountingRule.MES));
        ok(voting.defineOption(officer, cycleId, "riverside-north", "RN1", "Park Lane play area repairs",
                "New safety surface and a replaced climbing frame.", 8_000));
        ok(voting.defineOption(officer, cycleId, "riverside-north", "RN2", "Planters on Station Road",
                "Ten planters looked after by the residents' association.", 4_000));
        ok(voting.defineOption(officer, cycleId, "riverside-north", "RN3", "Litter bins on the towpath",
                "Six bins along the canal towpath, emptied twice a week.", 2_500));
    }

    /**
     * The residents' ballots of the voted cycle (in VOTE), through the same use case as the ballot page: each
     * verified resident ranks the city-wide options and, in a second ballot, their own district's.
     *
     * @param districtOf each voter's district, as they were verified
     */
    public void votedCycleBallots(long cycleId, Map<String, String> districtOf) {
        List<List<String>> city = List.of(List.of("N2", "N1"), List.of("N3", "N2"), List.of("N1", "N4"),
                List.of("N2", "N3", "N1"), List.of("N4", "N1"), List.of("N3", "N1", "N2"));
        List<List<String>> oldTown = List.of(List.of("OT2", "OT1"), List.of("OT1", "OT3"), List.of("OT2", "OT3"),
                List.of("OT3", "OT2", "OT1"), List.of("OT2"), List.of("OT1", "OT2"));
        List<List<String>> north = List.of(List.of("RN1", "RN3"), List.of("RN2", "RN3"), List.of("RN1"),
                List.of("RN3", "RN2", "RN1"));
        int i = 0;
        int ot = 0;
        int rn = 0;
        for (Map.Entry<String, String> voter : districtOf.entrySet()) {
            Actor resident = new Actor(voter.getKey(), EnumSet.of(Role.RESIDENT));
            ok(voting.castBallot(resident, cycleId, Ballot.Channel.RESIDENTS, city.get(i++ % city.size())));
            boolean inOldTown = "Old Town".equals(voter.getValue());
            List<String> ranking = inOldTown ? oldTown.get(ot++ % oldTown.size()) : north.get(rn++ % north.size());
            ok(voting.castBallot(resident, cycleId, Ballot.Channel.RESIDENTS, inOldTown ? "old-town"
                    : "riverside-north", ranking, null));
        }
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
