package org.civicloop.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Use cases of a mandate's parts: decision items (what is up for grabs), success criteria, stakeholders, the
 * statutory checklist, planned phase dates, and the council's engagement register. Parts are edited freely while
 * the cycle is being authorised; once the mandate is published, decision items can only be added as amendments.
 */
@ApplicationScoped
public class MandateService {

    /** The checklist every new cycle starts with (officers tick each with a link to the evidence). */
    static final List<String> DEFAULT_CHECKLIST = List.of(
            "Statement of Community Involvement: this engagement follows it",
            "Equality impact assessment done",
            "Data protection impact assessment done",
            "Ward councillors briefed",
            "Accessible formats and languages offered");

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    private Result<Cycle> editable(Actor actor, long cycleId) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase() != Phase.AUTHORISE) {
            return Result.refused("refused.mandate.published");
        }
        return Result.done(cycle);
    }

    /**
     * Adds a decision item. While authorising it is part of the draft; after publication it is an amendment and
     * needs a reason.
     */
    @Transactional
    public Result<DecisionItem> addDecisionItem(Actor actor, long cycleId, String title, DecisionItem.Status status,
                                                String reason, LadderLevel ladder, String amendmentReason) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        boolean amendment = cycle.getPhase() != Phase.AUTHORISE;
        if (amendment && (cycle.getPhase() == Phase.CLOSED)) {
            return Result.refused("refused.phase.closed");
        }
        if (amendment && (amendmentReason == null || amendmentReason.isBlank() || amendmentReason.length() > 2000)) {
            return Result.refused("refused.amend.reason");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            return Result.refused("refused.item.title");
        }
        if (status == null) {
            return Result.refused("refused.item.status");
        }
        if (status == DecisionItem.Status.FIXED && (reason == null || reason.isBlank())) {
            return Result.refused("refused.item.reason");
        }
        if (reason != null && reason.length() > 2000) {
            return Result.refused("refused.item.reason");
        }
        DecisionItem item = new DecisionItem(cycleId, title.strip(), status,
                reason == null || reason.isBlank() ? null : reason.strip(), ladder);
        em.persist(item);
        em.flush();
        audit.record(actor, "mandate.decisionItemAdded", "decision_item", item.getId(), null, status.name());
        if (amendment) {
            MandateAmendment a = new MandateAmendment(cycleId, "decisionItem", null,
                    status + ": " + item.getTitle(), amendmentReason.strip(), actor.username(), clock.instant());
            em.persist(a);
            em.flush();
            audit.record(actor, "cycle.amendmentRecorded", "mandate_amendment", a.getId(), null, "decisionItem");
        }
        return Result.done(item);
    }

    @Transactional
    public Result<Void> removeDecisionItem(Actor actor, long itemId) {
        DecisionItem item = em.find(DecisionItem.class, itemId);
        if (item == null) {
            return Result.refused("refused.item.unknown");
        }
        Result<Cycle> cycle = editable(actor, item.getCycleId());
        if (!cycle.isDone()) {
            return cycle.map(c -> null);
        }
        // The entry carries the row's digest before deletion: a record with neither digest would be a mere note, and
        // the audit check would then take the row's disappearance for a deletion outside the application.
        String gone = audit.digestOf("decision_item", itemId);
        em.remove(item);
        em.flush();
        audit.record(actor, "mandate.decisionItemRemoved", "decision_item", itemId, gone, item.getTitle());
        return Result.done(null);
    }

    @Transactional
    public Result<SuccessCriterion> addSuccessCriterion(Actor actor, long cycleId, CriterionKind kind,
                                                        String description) {
        Result<Cycle> cycle = editable(actor, cycleId);
        if (!cycle.isDone()) {
            return cycle.map(c -> null);
        }
        if (kind == null) {
            return Result.refused("refused.criterion.kind");
        }
        if (description == null || description.isBlank() || description.length() > 1000) {
            return Result.refused("refused.criterion.description");
        }
        SuccessCriterion c = new SuccessCriterion(cycleId, kind, description.strip());
        em.persist(c);
        em.flush();
        audit.record(actor, "mandate.criterionAdded", "success_criterion", c.getId(), null, kind.name());
        return Result.done(c);
    }

    @Transactional
    public Result<Void> removeSuccessCriterion(Actor actor, long criterionId) {
        SuccessCriterion c = em.find(SuccessCriterion.class, criterionId);
        if (c == null) {
            return Result.refused("refused.criterion.unknown");
        }
        Result<Cycle> cycle = editable(actor, c.getCycleId());
        if (!cycle.isDone()) {
            return cycle.map(x -> null);
        }
        String gone = audit.digestOf("success_criterion", criterionId);
        em.remove(c);
        em.flush();
        audit.record(actor, "mandate.criterionRemoved", "success_criterion", criterionId, gone, c.getDescription());
        return Result.done(null);
    }

    @Transactional
    public Result<Stakeholder> addStakeholder(Actor actor, long cycleId, String name, String interest) {
        Result<Cycle> cycle = editable(actor, cycleId);
        if (!cycle.isDone()) {
            return cycle.map(c -> null);
        }
        if (name == null || name.isBlank() || name.length() > 300) {
            return Result.refused("refused.stakeholder.name");
        }
        if (interest != null && interest.length() > 1000) {
            return Result.refused("refused.stakeholder.interest");
        }
        Stakeholder s = new Stakeholder(cycleId, name.strip(), interest == null || interest.isBlank() ? null
                : interest.strip());
        em.persist(s);
        em.flush();
        audit.record(actor, "mandate.stakeholderAdded", "stakeholder", s.getId(), null, null);
        return Result.done(s);
    }

    /** Plans when a phase should start (shown on the public timeline until it really starts). */
    @Transactional
    public Result<PhasePlan> planPhase(Actor actor, long cycleId, Phase phase, LocalDate start) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (phase == null || phase == Phase.AUTHORISE || start == null) {
            return Result.refused("refused.plan.invalid");
        }
        if (!phase.isAfter(cycle.getPhase())) {
            return Result.refused("refused.plan.past");
        }
        PhasePlan plan = em.createQuery("SELECT p FROM PhasePlan p WHERE p.cycleId = :c AND p.phase = :ph",
                        PhasePlan.class).setParameter("c", cycleId).setParameter("ph", phase)
                .getResultStream().findFirst().orElse(null);
        if (plan == null) {
            plan = new PhasePlan(cycleId, phase, start);
            em.persist(plan);
            em.flush();
            audit.record(actor, "mandate.phasePlanned", "phase_plan", plan.getId(), null, phase + "=" + start);
        } else {
            String before = audit.digestOf("phase_plan", plan.getId());
            plan.reschedule(start);
            audit.record(actor, "mandate.phasePlanned", "phase_plan", plan.getId(), before, phase + "=" + start);
        }
        return Result.done(plan);
    }

    /** Ticks a checklist item with a link to the evidence (an http or https address). */
    @Transactional
    public Result<ChecklistItem> tickChecklistItem(Actor actor, long itemId, String evidenceUrl) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        ChecklistItem item = em.find(ChecklistItem.class, itemId);
        if (item == null) {
            return Result.refused("refused.checklist.unknown");
        }
        if (!isWebAddress(evidenceUrl)) {
            return Result.refused("refused.checklist.evidence");
        }
        String before = audit.digestOf("checklist_item", itemId);
        item.tick(evidenceUrl.strip(), actor.username(), clock.instant());
        audit.record(actor, "mandate.checklistTicked", "checklist_item", itemId, before, item.getLabel());
        return Result.done(item);
    }

    static boolean isWebAddress(String s) {
        if (s == null || s.isBlank() || s.length() > 1000) {
            return false;
        }
        try {
            URI uri = new URI(s.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void addDefaultChecklist(Actor actor, long cycleId) {
        for (String label : DEFAULT_CHECKLIST) {
            ChecklistItem item = new ChecklistItem(cycleId, label);
            em.persist(item);
            em.flush();
            audit.record(actor, "mandate.checklistItemAdded", "checklist_item", item.getId(), null, null);
        }
    }

    /** Records an engagement activity in the council's register (cycles enter it themselves at launch). */
    @Transactional
    public Result<EngagementActivity> registerActivity(Actor actor, String council, String title, String purpose,
                                                       LadderLevel ladder, LocalDate startsOn, LocalDate endsOn) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        if (council == null || council.isBlank() || council.length() > 200) {
            return Result.refused("refused.cycle.council");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            return Result.refused("refused.activity.title");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > 2000) {
            return Result.refused("refused.activity.purpose");
        }
        if (ladder == null) {
            return Result.refused("refused.launch.ladder");
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            return Result.refused("refused.activity.dates");
        }
        EngagementActivity a = new EngagementActivity(council.strip(), title.strip(), purpose.strip(), ladder,
                startsOn, endsOn, null, actor.username(), clock.instant());
        em.persist(a);
        em.flush();
        audit.record(actor, "engagement.registered", "engagement_activity", a.getId(), null, null);
        return Result.done(a);
    }

    /** A launched cycle enters the engagement register. */
    void onLaunch(@Observes PhaseChanged event) {
        if (event.from() != Phase.AUTHORISE) {
            return;
        }
        Cycle c = em.find(Cycle.class, event.cycle().id());
        EngagementActivity a = new EngagementActivity(c.getCouncil(), c.getTitle(), c.getPurpose(),
                c.getLadderLevel() == null ? LadderLevel.CONSULT : c.getLadderLevel(),
                LocalDate.now(clock), c.getFeedbackPromiseDate(), c.getId(), event.actor().username(), clock.instant());
        em.persist(a);
        em.flush();
        audit.record(event.actor(), "engagement.registered", "engagement_activity", a.getId(), null,
                "cycle=" + c.getId());
    }

    public List<DecisionItem> decisionItems(long cycleId) {
        return em.createQuery("SELECT d FROM DecisionItem d WHERE d.cycleId = :c ORDER BY d.status, d.id",
                DecisionItem.class).setParameter("c", cycleId).getResultList();
    }

    public List<SuccessCriterion> successCriteria(long cycleId) {
        return em.createQuery("SELECT s FROM SuccessCriterion s WHERE s.cycleId = :c ORDER BY s.id",
                SuccessCriterion.class).setParameter("c", cycleId).getResultList();
    }

    public List<Stakeholder> stakeholders(long cycleId) {
        return em.createQuery("SELECT s FROM Stakeholder s WHERE s.cycleId = :c ORDER BY s.id", Stakeholder.class)
                .setParameter("c", cycleId).getResultList();
    }

    public List<ChecklistItem> checklist(long cycleId) {
        return em.createQuery("SELECT i FROM ChecklistItem i WHERE i.cycleId = :c ORDER BY i.id", ChecklistItem.class)
                .setParameter("c", cycleId).getResultList();
    }

    public List<PhasePlan> plan(long cycleId) {
        return em.createQuery("SELECT p FROM PhasePlan p WHERE p.cycleId = :c ORDER BY p.plannedStart",
                PhasePlan.class).setParameter("c", cycleId).getResultList();
    }

    public List<EngagementActivity> register() {
        return em.createQuery("SELECT a FROM EngagementActivity a ORDER BY a.startsOn DESC, a.id DESC",
                EngagementActivity.class).getResultList();
    }
}
