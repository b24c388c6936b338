package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import org.civicloop.audit.AuditLog;
import org.civicloop.kernel.Actor;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.Budget;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.CountLines;
import org.civicloop.voting.VotingService;

/**
 * The use case "each district budget's winners become recommendations", on entering DECIDE after the city-wide
 * budget's: one per funded option of each district budget's residents' count (the jury votes in the city-wide budget
 * only), labelled with its budget. Counts are read only through {@link VotingService#count(Budget, Ballot.Channel)}.
 */
@ApplicationScoped
class DistrictRecommendations {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    VotingService voting;
    @Inject
    Budgets budgets;

    /** Makes the district budgets' recommendations from {@code position} on (after the city-wide ones). */
    void recommend(Actor actor, long cycleId, int position) {
        int next = position;
        for (Budget budget : budgets.budgets(cycleId)) {
            if (budget.cityWide()) {
                continue;
            }
            VotingService.Count residents = voting.count(budget, Ballot.Channel.RESIDENTS);
            for (CountLines.Option option : CountLines.winners(residents)) {
                Recommendation r = new Recommendation(cycleId, next++, Recommendation.Source.RESIDENTS, option.id(),
                        option.code(), option.title(), SupportText.district(option.score(), residents.ballots(),
                        Locale.ENGLISH), new Recommendation.Support(0, 0, 0, null, residents.ballots(), true,
                        option.score(), null), budget.code());
                em.persist(r);
                em.flush();
                audit.record(actor, "feedback.recommendationMade", "recommendation", r.getId(), null,
                        "cycle=" + cycleId + "; source=" + Recommendation.Source.RESIDENTS + "; option="
                                + option.code() + "; budget=" + budget.code());
            }
        }
    }
}
