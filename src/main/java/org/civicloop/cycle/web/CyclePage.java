package org.civicloop.cycle.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.DecisionItem;
import org.civicloop.cycle.MandateAmendment;
import org.civicloop.cycle.MandateService;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhasePlan;
import org.civicloop.cycle.PhaseTransition;
import org.civicloop.cycle.SuccessCriterion;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/**
 * The public cycle page: what is asked, the mandate and where the cycle stands. The sections that other capabilities
 * publish on it (the jury and volunteering, evidence, options and results, deliberation, decisions, outcomes) are
 * their own request beans, called from the page with the cycle's id, so that the cycle capability depends on none.
 */
@Named
@ViewScoped
public class CyclePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CycleService cycles;
    @Inject
    CurrentUser currentUser;
    @Inject
    MandateService mandate;

    private Long id;
    private transient Cycle cycle;

    public void load() throws IOException {
        if (cycle() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    private Cycle cycle() {
        if (cycle == null && id != null) {
            cycle = cycles.find(id).filter(c -> c.isPublished() || currentUser.isOfficer()).orElse(null);
        }
        return cycle;
    }

    public List<PhaseStep> getTimeline() {
        Map<Phase, PhaseTransition> started = cycles.timeline(cycle().getId()).stream()
                .collect(Collectors.toMap(PhaseTransition::getToPhase, t -> t, (a, b) -> b));
        Map<Phase, java.time.LocalDate> planned = mandate.plan(cycle().getId()).stream()
                .collect(Collectors.toMap(PhasePlan::getPhase,
                        PhasePlan::getPlannedStart));
        List<PhaseStep> steps = new ArrayList<>();
        for (Phase p : Phase.values()) {
            String state = p == cycle().getPhase() ? "current" : cycle().getPhase().isAfter(p) ? "done" : "upcoming";
            PhaseTransition t = started.get(p);
            steps.add(new PhaseStep(p, state, t == null ? null : t.getMovedAt(), planned.get(p)));
        }
        return steps;
    }

    public List<DecisionItem> getOpenItems() {
        return mandate.decisionItems(cycle().getId()).stream().filter(DecisionItem::isOpen).toList();
    }

    public List<DecisionItem> getFixedItems() {
        return mandate.decisionItems(cycle().getId()).stream().filter(d -> !d.isOpen()).toList();
    }

    public List<SuccessCriterion> getCriteria() {
        return mandate.successCriteria(cycle().getId());
    }

    public List<MandateAmendment> getAmendments() {
        return cycles.amendments(cycle().getId());
    }

    /** The feedback promise is overdue: its date has passed and no report is published. */
    public boolean isFeedbackOverdue() {
        Cycle c = cycle();
        return c.getFeedbackPromiseDate() != null && !c.isReportPublished() && c.isMandatePublished()
                && c.getFeedbackPromiseDate().isBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** The vote has closed: the page shows the results (each capability's section reads its own figures). */
    public boolean isCounted() {
        return cycle().getPhase().isAfter(Phase.VOTE);
    }

    public boolean isVoteOpen() {
        return cycle().getPhase() == Phase.VOTE;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Cycle getCycle() { return cycle(); }
}
