package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseChanged;
import org.civicloop.kernel.Actor;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.Budget;
import org.civicloop.voting.BudgetOption;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;

/**
 * The use case "the count becomes recommendations", on entering DECIDE. The city-wide budget's come from the jury's
 * count, with its level of support (who ranked it, who ranked it first), the jurors who did not back it and the
 * residents' channel's result, then the residents' winners the jury did not fund. Each district budget's winners
 * (residents' ballots only: the jury votes in the city-wide budget) follow, labelled with their budget. The counts
 * are read only through voting's {@link VotingService#count} methods.
 */
@ApplicationScoped
class CountRecommendations {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    VotingService voting;
    @Inject
    Budgets budgets;

    void onPhaseChanged(@Observes PhaseChanged event) {
        if (event.to() != Phase.DECIDE) {
            return;
        }
        long cycleId = event.cycle().id();
        int position = cityWide(event.actor(), cycleId);
        for (Budget budget : budgets.budgets(cycleId)) {
            if (!budget.cityWide()) {
                position = district(event.actor(), budget, position);
            }
        }
    }

    /** The city-wide budget's recommendations; returns the next free position. */
    private int cityWide(Actor actor, long cycleId) {
        VotingService.Count count = voting.count(cycleId, Ballot.Channel.JURY);
        VotingService.Count residents = voting.count(cycleId, Ballot.Channel.RESIDENTS);
        List<Ballot> ballots = voting.ballots(cycleId, Ballot.Channel.JURY);
        Map<String, Integer> firsts = new HashMap<>();
        Map<String, Integer> ranked = new HashMap<>();
        for (Ballot b : ballots) {
            List<String> ranking = b.ranking();
            if (!ranking.isEmpty()) {
                firsts.merge(ranking.get(0), 1, Integer::sum);
            }
            ranking.stream().distinct().forEach(code -> ranked.merge(code, 1, Integer::sum));
        }
        List<String> residentWinners = residents.winners().stream().map(BudgetOption::getCode).toList();
        List<BudgetOption> fromCount = count.winners();
        List<BudgetOption> fromResidents = residents.winners().stream()
                .filter(o -> fromCount.stream().noneMatch(w -> w.getCode().equals(o.getCode()))).toList();
        int position = 1;
        for (BudgetOption option : fromCount) {
            persist(actor, cycleId, position++, Recommendation.Source.COUNT, option, count, residents,
                    firsts, ranked, residentWinners);
        }
        for (BudgetOption option : fromResidents) {
            persist(actor, cycleId, position++, Recommendation.Source.RESIDENTS, option, count, residents,
                    firsts, ranked, residentWinners);
        }
        return position;
    }

    private void persist(Actor actor, long cycleId, int position, Recommendation.Source source, BudgetOption option,
                         VotingService.Count count, VotingService.Count residents, Map<String, Integer> firsts,
                         Map<String, Integer> ranked, List<String> residentWinners) {
        String code = option.getCode();
        int first = firsts.getOrDefault(code, 0);
        int rankedBy = ranked.getOrDefault(code, 0);
        String juryScore = source == Recommendation.Source.COUNT ? count.score(code) : null;
        // the English line is kept for readers of the stored row; pages write it in their language from the figures
        String support = source == Recommendation.Source.COUNT
                ? SupportText.count(juryScore, first, count.ballots(), Locale.ENGLISH)
                : SupportText.residents(residents.score(code), residents.ballots(), Locale.ENGLISH);
        String minority = SupportText.notRanked(count.ballots(), rankedBy, Locale.ENGLISH);
        Recommendation r = new Recommendation(cycleId, position, source, option.getId(), code, option.getTitle(),
                support, new Recommendation.Support(count.ballots(), first, rankedBy, minority, residents.ballots(),
                residentWinners.contains(code), residents.score(code), juryScore));
        store(actor, r, source, null);
    }

    /**
     * A district budget's winners: each one a residents' recommendation labelled with the budget, with the district's
     * residents' score and ballots (no jury figures: jurors do not vote in district budgets). Returns the next
     * free position.
     */
    private int district(Actor actor, Budget budget, int position) {
        VotingService.Count residents = voting.count(budget, Ballot.Channel.RESIDENTS);
        for (BudgetOption option : residents.winners()) {
            String code = option.getCode();
            Recommendation r = new Recommendation(budget.cycleId(), position++, Recommendation.Source.RESIDENTS,
                    option.getId(), code, option.getTitle(), SupportText.district(residents.score(code),
                    residents.ballots(), Locale.ENGLISH), new Recommendation.Support(0, 0, 0, null,
                    residents.ballots(), true, residents.score(code), null), budget.code());
            store(actor, r, Recommendation.Source.RESIDENTS, budget.code());
        }
        return position;
    }

    private void store(Actor actor, Recommendation r, Recommendation.Source source, String budgetCode) {
        em.persist(r);
        em.flush();
        audit.record(actor, "feedback.recommendationMade", "recommendation", r.getId(), null,
                "cycle=" + r.getCycleId() + "; source=" + source + "; option=" + r.getOptionCode()
                        + (budgetCode == null ? "" : "; budget=" + budgetCode));
    }
}
