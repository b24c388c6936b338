package org.civicloop.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/** Use cases of a cycle: open it, write its mandate, move it on phase by phase. */
@ApplicationScoped
public class CycleService {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @Any
    Instance<PhaseGate> gates;
    @Inject
    Event<PhaseChanged> phaseChanged;
    @Inject
    MandateService mandate;

    /** An officer opens a new cycle; it starts in AUTHORISE, unpublished. */
    @Transactional
    public Result<Cycle> openCycle(Actor actor, String council, MandateDraft draft) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        if (council == null || council.isBlank() || council.length() > 200) {
            return Result.refused("refused.cycle.council");
        }
        Optional<Result.Refused<Cycle>> invalid = validate(draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return Result.done(create(actor, council.strip(), draft, false));
    }

    /** Demo data only: a cycle flagged as demo. */
    @Transactional
    public CycleView openDemoCycle(Actor actor, String council, MandateDraft draft) {
        return CycleView.of(create(actor, council, draft, true));
    }

    /** A new cycle in AUTHORISE: its first timeline step, its audit entry and the default checklist. */
    private Cycle create(Actor actor, String council, MandateDraft draft, boolean demo) {
        Cycle cycle = new Cycle(council, draft.title().strip(), draft.currency(), demo, clock.instant(),
                actor.username());
        cycle.editMandate(clean(draft));
        em.persist(cycle);
        em.flush();
        em.persist(new PhaseTransition(cycle.getId(), null, Phase.AUTHORISE, clock.instant(), actor.username(),
                "opened"));
        audit.record(actor, "cycle.opened", "cycle", cycle.getId(), null,
                (demo ? "demo; " : "") + "title=" + cycle.getTitle());
        mandate.addDefaultChecklist(actor, cycle.getId());
        return cycle;
    }

    /** An officer edits the mandate while the cycle is still being authorised. */
    @Transactional
    public Result<Cycle> editMandate(Actor actor, long cycleId, MandateDraft draft) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase() != Phase.AUTHORISE) {
            return Result.refused("refused.mandate.published");
        }
        Optional<Result.Refused<Cycle>> invalid = validate(draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String before = audit.digestOf("cycle", cycleId);
        cycle.editMandate(clean(draft));
        audit.record(actor, "cycle.mandateEdited", "cycle", cycleId, before, null);
        return Result.done(cycle);
    }

    /**
     * Amends a published mandate: every changed field becomes an amendment with the reason, shown as a history and
     * each in the audit chain. The counting rule can no longer change once voting has opened.
     */
    @Transactional
    public Result<List<MandateAmendment>> amendMandate(Actor actor, long cycleId, MandateDraft draft, String reason) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (!cycle.isMandatePublished()) {
            return Result.refused("refused.amend.notPublished");
        }
        if (cycle.getPhase() == Phase.CLOSED) {
            return Result.refused("refused.phase.closed");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return Result.refused("refused.amend.reason");
        }
        Optional<Result.Refused<List<MandateAmendment>>> invalid = validate(draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        MandateDraft clean = clean(draft);
        java.util.Map<String, String> before = cycle.mandate().fields();
        java.util.Map<String, String> after = clean.fields();
        List<String> changed = after.keySet().stream()
                .filter(k -> !java.util.Objects.equals(before.get(k), after.get(k))).toList();
        if (changed.isEmpty()) {
            return Result.refused("refused.amend.nothing");
        }
        if (changed.contains("countingRule") && cycle.getPhase().atLeast(Phase.VOTE)) {
            return Result.refused("refused.amend.countingRule");
        }
        Optional<Result.Refused<Void>> gaps = mandateGaps(clean);
        if (gaps.isPresent()) {
            return Result.refused(gaps.get().key(), gaps.get().args().toArray());
        }
        String beforeDigest = audit.digestOf("cycle", cycleId);
        cycle.editMandate(clean);
        audit.record(actor, "cycle.mandateAmended", "cycle", cycleId, beforeDigest, "fields=" + String.join(",", changed));
        List<MandateAmendment> amendments = new java.util.ArrayList<>();
        for (String field : changed) {
            MandateAmendment a = new MandateAmendment(cycleId, field, before.get(field), after.get(field),
                    reason.strip(), actor.username(), clock.instant());
            em.persist(a);
            em.flush();
            audit.record(actor, "cycle.amendmentRecorded", "mandate_amendment", a.getId(), null, field);
            amendments.add(a);
        }
        return Result.done(amendments);
    }

    /**
     * The officer accepts, with a recorded justification, that this cycle's success criteria are only outputs or
     * satisfaction (normally refused at launch).
     */
    @Transactional
    public Result<Cycle> overrideCriteriaRule(Actor actor, long cycleId, String justification) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase() != Phase.AUTHORISE) {
            return Result.refused("refused.mandate.published");
        }
        if (justification == null || justification.isBlank() || justification.length() > 2000) {
            return Result.refused("refused.override.justification");
        }
        String before = audit.digestOf("cycle", cycleId);
        cycle.overrideCriteriaRule(justification.strip());
        audit.record(actor, "cycle.criteriaRuleOverridden", "cycle", cycleId, before, justification.strip());
        return Result.done(cycle);
    }

    /**
     * Opens the next cycle from a closed one: same council, the old question as a starting point, and the closed
     * cycle's measured outcomes and open recommendations shown as context.
     */
    @Transactional
    public Result<Cycle> openNextCycle(Actor actor, long previousCycleId, String title) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Cycle previous = em.find(Cycle.class, previousCycleId);
        if (previous == null) {
            return Result.refused("refused.cycle.unknown");
        }
        if (previous.getPhase() != Phase.CLOSED) {
            return Result.refused("refused.next.notClosed");
        }
        MandateDraft carried = new MandateDraft(title, previous.getQuestion(), null, previous.getAccountableOfficer(),
                previous.getDecisionMaker(), previous.getPartnerAgencies(), null, previous.getCurrency(),
                previous.getLadderLevel(), previous.getValueCellSet(), previous.getCountingRule(),
                previous.isResidentBallot(), previous.isBallotChangeable(), null, null, null, null, null,
                previous.getFeedbackChannel());
        Result<Cycle> opened = openCycle(actor, previous.getCouncil(), carried);
        if (opened instanceof Result.Done<Cycle> done) {
            String before = audit.digestOf("cycle", done.value().getId());
            done.value().followOn(previousCycleId);
            audit.record(actor, "cycle.followsOn", "cycle", done.value().getId(), before,
                    "previous=" + previousCycleId);
        }
        return opened;
    }

    /**
     * Moves a cycle to its next phase: only forward, only by someone who may, and only when every capability's
     * gate agrees. The move, its timeline entry and its audit entry commit together.
     */
    @Transactional
    public Result<Cycle> advance(Actor actor, long cycleId, Phase expectedCurrent) {
        Cycle cycle = em.find(Cycle.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        Phase from = cycle.getPhase();
        if (expectedCurrent != null && expectedCurrent != from) {
            return Result.refused("refused.phase.stale", expectedCurrent, from);
        }
        Optional<Phase> next = from.next();
        if (next.isEmpty()) {
            return Result.refused("refused.phase.closed");
        }
        if (!from.canBeMovedOnBy(actor)) {
            return Result.refused("refused.phase.notAllowed", from);
        }
        Optional<Result.Refused<Void>> precondition = checkLeaving(cycle, from);
        if (precondition.isPresent()) {
            return Result.refused(precondition.get().key(), precondition.get().args().toArray());
        }
        String before = audit.digestOf("cycle", cycleId);
        cycle.moveTo(next.get(), clock.instant());
        em.persist(new PhaseTransition(cycleId, from, next.get(), clock.instant(), actor.username(), null));
        audit.record(actor, "cycle.phaseAdvanced", "cycle", cycleId, before, from + "->" + next.get());
        phaseChanged.fire(new PhaseChanged(CycleView.of(cycle), from, next.get(), actor));
        return Result.done(cycle);
    }

    /** What stands in the way of leaving the current phase (empty when nothing does). */
    public Optional<Result.Refused<Void>> checkLeaving(Cycle cycle, Phase from) {
        if (from == Phase.AUTHORISE) {
            Optional<Result.Refused<Void>> mandate = mandateGaps(cycle);
            if (mandate.isPresent()) {
                return mandate;
            }
        }
        CycleView view = CycleView.of(cycle);
        for (PhaseGate gate : gates) {
            Optional<Result.Refused<Void>> refusal = gate.checkLeaving(view, from);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private Optional<Result.Refused<Void>> mandateGaps(Cycle c) {
        Optional<Result.Refused<Void>> fields = mandateGaps(c.mandate());
        if (fields.isPresent()) {
            return fields;
        }
        List<DecisionItem> items = mandate.decisionItems(c.getId());
        if (items.stream().noneMatch(DecisionItem::isOpen)) {
            return Optional.of(new Result.Refused<>("refused.launch.noOpenItem", List.of()));
        }
        List<SuccessCriterion> criteria = mandate.successCriteria(c.getId());
        if (criteria.isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.launch.criteria", List.of()));
        }
        if (criteria.stream().allMatch(k -> k.getKind().isOutputOrSatisfaction()) && blank(c.getCriteriaOverride())) {
            return Optional.of(new Result.Refused<>("refused.launch.outputsOnly", List.of()));
        }
        return Optional.empty();
    }

    private static Optional<Result.Refused<Void>> mandateGaps(MandateDraft d) {
        if (blank(d.question())) {
            return Optional.of(new Result.Refused<>("refused.launch.question", List.of()));
        }
        if (blank(d.purpose())) {
            return Optional.of(new Result.Refused<>("refused.launch.purpose", List.of()));
        }
        if (blank(d.accountableOfficer())) {
            return Optional.of(new Result.Refused<>("refused.launch.accountable", List.of()));
        }
        if (d.budgetAmount() == null || d.budgetAmount() <= 0) {
            return Optional.of(new Result.Refused<>("refused.launch.budget", List.of()));
        }
        if (d.feedbackPromiseDate() == null || blank(d.feedbackPromiseHow())) {
            return Optional.of(new Result.Refused<>("refused.launch.feedbackPromise", List.of()));
        }
        if (d.ladderLevel() == null) {
            return Optional.of(new Result.Refused<>("refused.launch.ladder", List.of()));
        }
        if (d.countingRule() == null) {
            return Optional.of(new Result.Refused<>("refused.launch.countingRule", List.of()));
        }
        return Optional.empty();
    }

    private static <T> Optional<Result.Refused<T>> validate(MandateDraft d) {
        if (d == null || blank(d.title()) || d.title().length() > 200) {
            return Optional.of(new Result.Refused<>("refused.cycle.title", List.of()));
        }
        if (length(d.question()) > 2000 || length(d.purpose()) > 4000 || length(d.accountableOfficer()) > 200
                || length(d.feedbackPromiseHow()) > 1000 || length(d.decisionMaker()) > 200
                || length(d.partnerAgencies()) > 1000 || length(d.skills()) > 1000
                || length(d.feedbackChannel()) > 300) {
            return Optional.of(new Result.Refused<>("refused.cycle.tooLong", List.of()));
        }
        if (d.budgetAmount() != null && (d.budgetAmount() < 0 || d.budgetAmount() > 1_000_000_000_000L)) {
            return Optional.of(new Result.Refused<>("refused.cycle.budget", List.of()));
        }
        if (d.staffHours() != null && (d.staffHours() < 0 || d.staffHours() > 1_000_000)
                || d.engagementCost() != null && (d.engagementCost() < 0 || d.engagementCost() > 1_000_000_000_000L)) {
            return Optional.of(new Result.Refused<>("refused.cycle.capacity", List.of()));
        }
        try {
            if (d.currency() == null || !d.currency().equals(Currency.getInstance(d.currency()).getCurrencyCode())) {
                return Optional.of(new Result.Refused<>("refused.cycle.currency", List.of()));
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(new Result.Refused<>("refused.cycle.currency", List.of()));
        }
        return Optional.empty();
    }

    private static MandateDraft clean(MandateDraft d) {
        return new MandateDraft(d.title().strip(), strip(d.question()), strip(d.purpose()),
                strip(d.accountableOfficer()), strip(d.decisionMaker()), strip(d.partnerAgencies()), d.budgetAmount(),
                d.currency(), d.ladderLevel(), d.valueCells(), d.countingRule(), d.residentBallot(), d.ballotChangeable(),
                d.staffHours(),
                strip(d.skills()), d.engagementCost(), d.feedbackPromiseDate(), strip(d.feedbackPromiseHow()),
                strip(d.feedbackChannel()));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    public Optional<Cycle> find(long id) {
        return Optional.ofNullable(em.find(Cycle.class, id));
    }

    /**
     * The cycle as stored now. Outside a transaction the server keeps one persistence context for the whole request,
     * so once anything on a page has read the cycle (the district budgets panel of the workspace reads it while the
     * posted form is decoded), a plain {@link #find} later in the same request answers that copy, from before the
     * page's own change was committed: the workspace then judged a saved mandate by its old fields.
     */
    public Optional<Cycle> findFresh(long id) {
        return em.createQuery("SELECT c FROM Cycle c WHERE c.id = :id", Cycle.class).setParameter("id", id)
                .setHint("eclipselink.refresh", "true").getResultList().stream().findFirst();
    }

    /** A cycle anyone may read: published ones. */
    public Optional<Cycle> findPublished(long id) {
        return find(id).filter(Cycle::isPublished);
    }

    public List<Cycle> published() {
        return em.createQuery("SELECT c FROM Cycle c WHERE c.published = true ORDER BY c.createdAt DESC, c.id DESC",
                Cycle.class).getResultList();
    }

    public List<Cycle> all() {
        return all(em);
    }

    /** Every cycle, newest first (also what {@link Cycles#all} shows other capabilities). */
    static List<Cycle> all(EntityManager em) {
        return em.createQuery("SELECT c FROM Cycle c ORDER BY c.createdAt DESC, c.id DESC", Cycle.class)
                .getResultList();
    }

    public List<MandateAmendment> amendments(long cycleId) {
        return em.createQuery("SELECT a FROM MandateAmendment a WHERE a.cycleId = :c ORDER BY a.amendedAt, a.id",
                MandateAmendment.class).setParameter("c", cycleId).getResultList();
    }

    public List<PhaseTransition> timeline(long cycleId) {
        return em.createQuery("SELECT t FROM PhaseTransition t WHERE t.cycleId = :c ORDER BY t.movedAt, t.id",
                PhaseTransition.class).setParameter("c", cycleId).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM Cycle c", Long.class).getSingleResult();
    }
}
