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
        Cycle cycle = new Cycle(council.strip(), draft.title().strip(), draft.currency(), false, clock.instant(),
                actor.username());
        cycle.editMandate(clean(draft));
        em.persist(cycle);
        em.flush();
        em.persist(new PhaseTransition(cycle.getId(), null, Phase.AUTHORISE, clock.instant(), actor.username(),
                "opened"));
        audit.record(actor, "cycle.opened", "cycle", cycle.getId(), null, "title=" + cycle.getTitle());
        return Result.done(cycle);
    }

    /** Demo data only: a cycle flagged as demo. */
    @Transactional
    public Cycle openDemoCycle(Actor actor, String council, MandateDraft draft) {
        Cycle cycle = new Cycle(council, draft.title(), draft.currency(), true, clock.instant(), actor.username());
        cycle.editMandate(clean(draft));
        em.persist(cycle);
        em.flush();
        em.persist(new PhaseTransition(cycle.getId(), null, Phase.AUTHORISE, clock.instant(), actor.username(),
                "opened"));
        audit.record(actor, "cycle.opened", "cycle", cycle.getId(), null, "demo; title=" + cycle.getTitle());
        return cycle;
    }

    /** An officer edits the mandate while the cycle is still being authorised. */
    @Transactional
    public Result<Cycle> editMandate(Actor actor, long cycleId, MandateDraft draft) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Cycle cycle = em.find(Cycle.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
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
        cycle.moveTo(next.get());
        em.persist(new PhaseTransition(cycleId, from, next.get(), clock.instant(), actor.username(), null));
        audit.record(actor, "cycle.phaseAdvanced", "cycle", cycleId, before, from + "->" + next.get());
        phaseChanged.fire(new PhaseChanged(cycle, from, next.get(), actor));
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
        for (PhaseGate gate : gates) {
            Optional<Result.Refused<Void>> refusal = gate.checkLeaving(cycle, from);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<Result.Refused<Void>> mandateGaps(Cycle c) {
        if (blank(c.getQuestion())) {
            return Optional.of(new Result.Refused<>("refused.launch.question", List.of()));
        }
        if (blank(c.getPurpose())) {
            return Optional.of(new Result.Refused<>("refused.launch.purpose", List.of()));
        }
        if (blank(c.getAccountableOfficer())) {
            return Optional.of(new Result.Refused<>("refused.launch.accountable", List.of()));
        }
        if (c.getBudgetAmount() == null || c.getBudgetAmount() <= 0) {
            return Optional.of(new Result.Refused<>("refused.launch.budget", List.of()));
        }
        if (c.getFeedbackPromiseDate() == null || blank(c.getFeedbackPromiseHow())) {
            return Optional.of(new Result.Refused<>("refused.launch.feedbackPromise", List.of()));
        }
        return Optional.empty();
    }

    /** Records that the "you said, we did" report is published (the feedback capability builds its content). */
    @Transactional
    public Result<Cycle> publishReport(Actor actor, long cycleId, String summary) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Cycle cycle = em.find(Cycle.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.getPhase() != Phase.FEEDBACK) {
            return Result.refused("refused.report.phase");
        }
        if (cycle.isReportPublished()) {
            return Result.refused("refused.report.published");
        }
        if (blank(summary) || summary.length() > 4000) {
            return Result.refused("refused.report.summary");
        }
        String before = audit.digestOf("cycle", cycleId);
        cycle.publishReport(clock.instant(), summary.strip());
        audit.record(actor, "cycle.reportPublished", "cycle", cycleId, before, null);
        return Result.done(cycle);
    }

    private static <T> Optional<Result.Refused<T>> validate(MandateDraft d) {
        if (d == null || blank(d.title()) || d.title().length() > 200) {
            return Optional.of(new Result.Refused<>("refused.cycle.title", List.of()));
        }
        if (length(d.question()) > 2000 || length(d.purpose()) > 4000 || length(d.accountableOfficer()) > 200
                || length(d.feedbackPromiseHow()) > 1000) {
            return Optional.of(new Result.Refused<>("refused.cycle.tooLong", List.of()));
        }
        if (d.budgetAmount() != null && (d.budgetAmount() < 0 || d.budgetAmount() > 1_000_000_000_000L)) {
            return Optional.of(new Result.Refused<>("refused.cycle.budget", List.of()));
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
                strip(d.accountableOfficer()), d.budgetAmount(), d.currency(), d.feedbackPromiseDate(),
                strip(d.feedbackPromiseHow()));
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

    /** A cycle anyone may read: published ones. */
    public Optional<Cycle> findPublished(long id) {
        return find(id).filter(Cycle::isPublished);
    }

    public List<Cycle> published() {
        return em.createQuery("SELECT c FROM Cycle c WHERE c.published = true ORDER BY c.createdAt DESC, c.id DESC",
                Cycle.class).getResultList();
    }

    public List<Cycle> all() {
        return em.createQuery("SELECT c FROM Cycle c ORDER BY c.createdAt DESC, c.id DESC", Cycle.class)
                .getResultList();
    }

    public List<PhaseTransition> timeline(long cycleId) {
        return em.createQuery("SELECT t FROM PhaseTransition t WHERE t.cycleId = :c ORDER BY t.movedAt, t.id",
                PhaseTransition.class).setParameter("c", cycleId).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM Cycle c", Long.class).getSingleResult();
    }
}
