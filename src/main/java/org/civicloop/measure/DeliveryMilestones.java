package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.OptionMilestone;

/**
 * Tells whoever follows a funded option (the proposal capability, for the option's proposer) of each delivery update,
 * as the kernel's {@link OptionMilestone} ({@code DELIVERY}: status, percent complete, the progress note), inside the
 * update's transaction. The progress is public on the outcomes page as soon as it is recorded.
 */
@ApplicationScoped
class DeliveryMilestones {

    @Inject
    OutcomesReport outcomes;
    @Inject
    Event<OptionMilestone> milestones;

    void progressed(Actor actor, OutcomeObjective o, ProgressStatus status, int percent) {
        outcomes.objectives(o.getCycleId(), false).stream().filter(v -> v.id() == o.getId()).findFirst()
                .filter(v -> !v.optionCode().isEmpty())
                .ifPresent(v -> milestones.fire(new OptionMilestone(actor, o.getCycleId(), v.optionCode(),
                        OptionMilestone.Step.DELIVERY, status.name(), percent, o.getProgressNote())));
    }
}
