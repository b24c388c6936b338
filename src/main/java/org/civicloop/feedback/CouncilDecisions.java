package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * What the council decided, as other capabilities may know it: its response to each recommendation and which options
 * its responses fund. Measure reads them through this, never the recommendations' table.
 */
@ApplicationScoped
public class CouncilDecisions {

    /** The responses that fund the recommended option. */
    static final Set<Recommendation.Response> FUNDING = Set.of(Recommendation.Response.ADOPTED,
            Recommendation.Response.MODIFIED);

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    /** The ids of the options the council funded (recommendations answered ADOPTED or MODIFIED), in rank order. */
    public List<Long> fundedOptionIds(long cycleId) {
        return em.createQuery("SELECT r.optionId FROM Recommendation r WHERE r.cycleId = :c AND r.optionId IS NOT NULL"
                        + " AND r.response IN :funding ORDER BY r.rankPosition, r.id", Long.class)
                .setParameter("c", cycleId).setParameter("funding", FUNDING).getResultList();
    }

    /** The council's response to each of the cycle's recommendations (its name; null while unanswered), in rank order. */
    public List<String> responses(long cycleId) {
        return decisions(cycleId).stream().map(Decision::response).toList();
    }

    /** A recommendation as the council answered it: its title, the response's name (null while unanswered), why. */
    public record Decision(String title, String response, String rationale) {
    }

    /** The council's decision on each of the cycle's recommendations, in rank order. */
    public List<Decision> decisions(long cycleId) {
        return em.createQuery("SELECT r FROM Recommendation r WHERE r.cycleId = :c ORDER BY r.rankPosition, r.id",
                        Recommendation.class).setParameter("c", cycleId).getResultList().stream()
                .map(r -> new Decision(r.getTitle(), r.getResponse() == null ? null : r.getResponse().name(),
                        r.getRationale())).toList();
    }
}
