package org.civicloop.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CriterionKind;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.DecisionItem;
import org.civicloop.cycle.LadderLevel;
import org.civicloop.cycle.MandateDraft;
import org.civicloop.cycle.MandateService;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.ValueCell;
import org.civicloop.eligibility.EligibilityService;
import org.civicloop.eligibility.Verifications;
import org.civicloop.evidence.EvidenceDemo;
import org.civicloop.feedback.FeedbackDemo;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.JuryDraws;
import org.civicloop.jury.Juries;
import org.civicloop.jury.Volunteering;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.measure.MeasureDemo;
import org.civicloop.measure.MeasureService;
import org.civicloop.proposal.ProposalDemo;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.DistrictBudgetDemo;
import org.civicloop.voting.VotingService;

/**
 * "Neighbourhood ideas 2026", last year's round of the neighbourhood fund: a cycle that has voted with district
 * budgets, carried from its mandate to delivery through the same use cases a person would use (so every step is
 * audited). Its electorate's residents are checked in person; its jury votes in the city-wide fund; residents vote in
 * the city-wide fund and in their own district's budget (Old Town's, Riverside North's); the vote closes (each
 * budget's count stored); the council answers every recommendation, the district ones included; the report is
 * published with a section per budget; every funded option has its outcome objective and progress. It stays in
 * MEASURE, delivery under way. Loaded in a transaction of its own, after the rest of the demo council, and only once.
 */
@ApplicationScoped
public class VotedDistrictsDemo {

    public static final String TITLE = "Neighbourhood ideas 2026";

    private final Actor officer = new Actor("officer", EnumSet.of(Role.OFFICER));
    private final Actor facilitator = new Actor("facilitator", EnumSet.of(Role.FACILITATOR));

    @Inject
    Clock clock;
    @Inject
    AccountService accounts;
    @Inject
    CycleService cycles;
    @Inject
    MandateService mandate;
    @Inject
    EligibilityService eligibility;
    @Inject
    Verifications verifications;
    @Inject
    Volunteering volunteering;
    @Inject
    JuryDraws draws;
    @Inject
    Juries juries;
    @Inject
    EvidenceDemo evidenceDemo;
    @Inject
    VotingService voting;
    @Inject
    DistrictBudgetDemo districtBudgets;
    @Inject
    FeedbackDemo feedbackDemo;
    @Inject
    MeasureDemo measureDemo;
    @Inject
    MeasureService measure;

    /**
     * The residents of this round (accounts resident15 to resident24, password as every demo account's), with the
     * district each was checked in: resident15 to resident20 in Old Town, the other four in Riverside North.
     */
    static Map<String, String> voters() {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 15; i <= 24; i++) {
            v.put("resident" + i, i <= 20 ? "Old Town" : "Riverside North");
        }
        return v;
    }

    /**
     * Loads the cycle when the demo council is there and this cycle is not (so a restart loads nothing twice);
     * answers whether it did.
     */
    @Transactional
    public boolean loadIfMissing(String council, String password) {
        List<Cycle> all = cycles.all();
        if (all.stream().noneMatch(c -> c.isDemo() && council.equals(c.getCouncil()))
                || all.stream().anyMatch(c -> TITLE.equals(c.getTitle()) && council.equals(c.getCouncil()))) {
            return false;
        }
        Map<String, String> voters = voters();
        for (String name : voters.keySet()) {
            accounts.createDemoAccount(name, "Demo Resident " + name.substring("resident".length()), password,
                    EnumSet.of(Role.RESIDENT));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long id = cycles.openDemoCycle(officer, council, new MandateDraft(TITLE,
                "Which neighbourhood projects should the £40,000 fund pay for, and what should Old Town and Riverside"
                        + " North each fund from a budget of their own?",
                "Residents asked that each district decide part of the money itself.",
                "Sam Patel, Head of Neighbourhoods", "Cabinet Member for Communities", "Riverside Housing Association",
                40_000L, "GBP", LadderLevel.EMPOWER, Set.of(ValueCell.OUR_WELLBEING), CountingRule.GREEDY, true, false,
                60, "Facilitation", 3_000L, today.plusDays(14),
                "A \"you said, we did\" report on this site and an e-mail to everyone who took part.",
                "This website and the library notice boards")).id();
        ok(mandate.addDecisionItem(officer, id, "Which projects the £40,000 fund and the two district budgets pay for",
                DecisionItem.Status.OPEN, null, LadderLevel.EMPOWER, null));
        ok(mandate.addSuccessCriterion(officer, id, CriterionKind.OUTCOME,
                "Residents of each district say the fund changed something they care about (survey, up 10 points)"));
        ok(cycles.advance(officer, id, Phase.AUTHORISE));

        // Only residents checked in person by an officer vote; a district budget is for its own district's residents.
        ok(eligibility.defineElectorate(officer, id, 16, ProposalDemo.DISTRICTS, false, false, true));
        for (Map.Entry<String, String> v : voters.entrySet()) {
            ok(verifications.verifyInPerson(officer, id, v.getKey(), v.getValue()));
        }
        for (String name : voters.keySet().stream().limit(7).toList()) {
            ok(volunteering.volunteer(resident(name), id, true));
        }
        ok(draws.drawJury(officer, id, 5, "neighbourhood-ideas-2026"));
        ok(cycles.advance(officer, id, Phase.RECRUIT));
        evidenceDemo.minimalPack(id, "What each district asked for",
                "The ward forums' lists of what residents asked for in Old Town and Riverside North.");
        districtBudgets.votedCycleOptions(officer, id);
        ok(cycles.advance(facilitator, id, Phase.LEARN));
        ok(cycles.advance(facilitator, id, Phase.DELIBERATE));

        String[][] rankings = {{"N2", "N3", "N1"}, {"N3", "N2"}, {"N2", "N1", "N4"}, {"N1", "N2"}, {"N3", "N4", "N2"}};
        List<String> jurors = juries.jurorUsernames(id);
        for (int i = 0; i < jurors.size(); i++) {
            ok(voting.castBallot(new Actor(jurors.get(i), EnumSet.of(Role.RESIDENT, Role.JUROR)), id,
                    Ballot.Channel.JURY, List.of(rankings[i % rankings.length])));
        }
        districtBudgets.votedCycleBallots(id, voters);
        ok(cycles.advance(officer, id, Phase.VOTE));
        Map<String, Long> cost = new LinkedHashMap<>();
        voting.allOptions(id).forEach(o -> cost.put(o.getCode(), o.getCost()));
        feedbackDemo.answerVotedCycle(id, cost);
        ok(cycles.advance(officer, id, Phase.FEEDBACK));
        measureDemo.votedCycleDelivery(id, measure.fundedOptions(id).stream().map(o -> new MeasureDemo.Funded(
                o.getCode(), o.getTitle(), o.getCost(), o.getBudgetId() != null)).toList());
        return true;
    }

    private static Actor resident(String name) {
        return new Actor(name, EnumSet.of(Role.RESIDENT));
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
