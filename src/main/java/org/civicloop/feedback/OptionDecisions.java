package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.OptionMilestone;
import org.civicloop.kernel.Role;

/**
 * When a report (or a correction) is published, the council's answer to each option's recommendation becomes public:
 * told as the kernel's {@link OptionMilestone} ({@code DECISION}, the response and its rationale), inside the
 * publication's transaction, for whoever follows an option (the proposal capability, for the option's proposer).
 */
@ApplicationScoped
class OptionDecisions {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Event<OptionMilestone> milestones;

    void onPublished(@Observes ReportPublished event) {
        String publisher = em.createQuery("SELECT v.publishedBy FROM ReportVersion v WHERE v.cycleId = :c"
                        + " AND v.versionNo = :n", String.class).setParameter("c", event.cycleId())
                .setParameter("n", event.version()).getResultList().stream().findFirst().orElse("officer");
        Actor actor = new Actor(publisher, EnumSet.of(Role.OFFICER));
        for (Recommendation r : em.createQuery("SELECT r FROM Recommendation r WHERE r.cycleId = :c"
                + " AND r.optionCode IS NOT NULL AND r.response IS NOT NULL ORDER BY r.rankPosition", Recommendation.class)
                .setParameter("c", event.cycleId()).getResultList()) {
            milestones.fire(new OptionMilestone(actor, event.cycleId(), r.getOptionCode(),
                    OptionMilestone.Step.DECISION, r.getResponse().name(), null, r.getRationale()));
        }
    }
}
