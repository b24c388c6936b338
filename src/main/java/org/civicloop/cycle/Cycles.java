package org.civicloop.cycle;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.civicloop.audit.AuditLog;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.kernel.Sql;

/**
 * The cycle capability's narrow interface for the other capabilities: they read cycles as {@link CycleView} records
 * through it, lock a cycle's row to serialise their own changes on it, and never read or write the cycle's tables
 * themselves. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Cycles {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    /** What casting a ballot needs to know of a cycle. */
    public record CastingRules(boolean published, Phase phase, boolean residentBallot, boolean ballotChangeable) {
    }

    public Optional<CycleView> find(long id) {
        return Optional.ofNullable(em.find(Cycle.class, id)).map(CycleView::of);
    }

    /** A cycle anyone may read: a published one. */
    public Optional<CycleView> findPublished(long id) {
        return find(id).filter(CycleView::published);
    }

    /** Every cycle, newest first. */
    public List<CycleView> all() {
        return CycleService.all(em).stream().map(CycleView::of).toList();
    }

    /**
     * The cycle, its row locked for the rest of the caller's transaction (so that changes made under one cycle never
     * interleave).
     */
    public Optional<CycleView> findLocked(long id) {
        return Optional.ofNullable(em.find(Cycle.class, id, LockModeType.PESSIMISTIC_WRITE)).map(CycleView::of);
    }

    /** The first step of every officer use case on a cycle: the cycle, when the actor is an officer (or admin). */
    public Result<CycleView> forOfficer(Actor actor, long id) {
        return forOfficer(actor, id, LockModeType.NONE);
    }

    /** As {@link #forOfficer(Actor, long)}, locking the cycle's row for the rest of the caller's transaction. */
    public Result<CycleView> forOfficerLocked(Actor actor, long id) {
        return forOfficer(actor, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Result<CycleView> forOfficer(Actor actor, long id, LockModeType lock) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Cycle cycle = em.find(Cycle.class, id, lock);
        return cycle == null ? Result.refused("refused.cycle.unknown") : Result.done(CycleView.of(cycle));
    }

    /**
     * What casting a ballot needs to know of the cycle, read in one statement on the transaction's connection (the
     * casting path is busy); empty when there is no such cycle.
     */
    public Optional<CastingRules> castingRules(long id) {
        return Sql.first(dataSource, "SELECT published, phase, resident_ballot, ballot_changeable FROM cycle WHERE id = ?",
                rs -> new CastingRules(rs.getBoolean(1), Phase.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getBoolean(4)), id);
    }

    /** When the cycle moved to CLOSED, if it has. */
    public Optional<Instant> closedAt(long id) {
        return em.createQuery("SELECT MAX(t.movedAt) FROM PhaseTransition t WHERE t.cycleId = :c AND t.toPhase = :p",
                Instant.class).setParameter("c", id).setParameter("p", Phase.CLOSED).getResultStream()
                .filter(Objects::nonNull).findFirst();
    }

    /** When the cycle first entered the phase, if it has. */
    public Optional<Instant> firstEnteredAt(long id, Phase phase) {
        return em.createQuery("SELECT MIN(t.movedAt) FROM PhaseTransition t WHERE t.cycleId = :c AND t.toPhase = :p",
                Instant.class).setParameter("c", id).setParameter("p", phase).getResultStream()
                .filter(Objects::nonNull).findFirst();
    }

    /** Every published cycle, newest first. */
    public List<CycleView> published() {
        return em.createQuery("SELECT c FROM Cycle c WHERE c.published = true ORDER BY c.createdAt DESC, c.id DESC",
                Cycle.class).getResultList().stream().map(CycleView::of).toList();
    }

    /** The phase a cycle is in; the cycle must exist. */
    public Phase phaseOf(long id) {
        return find(id).orElseThrow().phase();
    }

    /** The ids of the cycles in a phase, lowest first. */
    public List<Long> idsInPhase(Phase phase) {
        return em.createQuery("SELECT c.id FROM Cycle c WHERE c.phase = :p ORDER BY c.id", Long.class)
                .setParameter("p", phase).getResultList();
    }

    /** The ids of the cycles created before the given instant, except the given cycle. */
    public List<Long> idsCreatedBefore(Instant createdAt, long except) {
        return em.createQuery("SELECT c.id FROM Cycle c WHERE c.createdAt < :t AND c.id <> :id", Long.class)
                .setParameter("t", createdAt).setParameter("id", except).getResultList();
    }

    /** The mandate's decision-maker (a scalar read: it loads no cycle entity); null when none or no such cycle. */
    public String decisionMakerOf(long id) {
        // Not getResultStream().findFirst(): a cycle without a decision-maker gives a null row, which findFirst refuses.
        List<String> found = em.createQuery("SELECT c.decisionMaker FROM Cycle c WHERE c.id = :id", String.class)
                .setParameter("id", id).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Notes on the cycle that its "you said, we did" report was first published, with the summary its public page
     * shows (audited as a change of the cycle).
     */
    public void recordReportPublished(Actor actor, long id, Instant at, String summary) {
        String before = audit.digestOf("cycle", id);
        em.find(Cycle.class, id).recordReportPublished(at, summary);
        audit.record(actor, "cycle.reportPublished", "cycle", id, before, "version=1");
    }

    /** A corrected report replaces the summary the public cycle page shows, when it differs (audited). */
    public void recordReportCorrected(Actor actor, long id, String summary, int version) {
        Cycle cycle = em.find(Cycle.class, id);
        if (summary.equals(cycle.getReportSummary())) {
            return;
        }
        String before = audit.digestOf("cycle", id);
        cycle.recordReportCorrected(summary);
        audit.record(actor, "cycle.reportCorrected", "cycle", id, before, "version=" + version);
    }
}
