package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The draws' statuses in the database ({@link JuryDrawRun}), each change in a short transaction of its own. A RUNNING
 * draw whose server has not refreshed its heartbeat for {@link #STALE} is reported as FAILED (interrupted): its server
 * stopped or lost the database, and the draw, recorded only in one transaction at its end, never happened.
 */
@ApplicationScoped
public class JuryDrawRuns {

    /** How long a running draw's heartbeat may be silent before the draw counts as lost. */
    static final Duration STALE = Duration.ofSeconds(90);

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    private Optional<JuryDrawRun> find(long cycleId, LockModeType lock) {
        return em.createQuery("SELECT r FROM JuryDrawRun r WHERE r.cycleId = :c", JuryDrawRun.class)
                .setParameter("c", cycleId).setLockMode(lock).getResultStream().findFirst();
    }

    /**
     * Marks the cycle's draw RUNNING on {@code node}, unless a draw of it is running (on any server, heartbeat fresh)
     * or {@code ready} now says no: answers the new status, or empty. {@code ready} is asked with the run's row
     * locked: a draw that finished since the caller last looked has recorded its jury before its run left RUNNING, so
     * a second start cannot slip in between a finished draw and its check.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<JuryDrawRunner.DrawStatus> claim(long cycleId, String node, Instant now, BooleanSupplier ready) {
        JuryDrawRun run = find(cycleId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (run != null && run.isRunning() && !isStale(run, now)) {
            return Optional.empty();
        }
        if (!ready.getAsBoolean()) {
            return Optional.empty();
        }
        if (run == null) {
            run = new JuryDrawRun(cycleId);
            run.running(node, now);
            em.persist(run);
        } else {
            run.running(node, now);
        }
        em.flush();
        return Optional.of(run.status());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(long cycleId, String node, String progress, Instant now) {
        find(cycleId, LockModeType.NONE).filter(r -> r.isRunning() && r.getNode().equals(node))
                .ifPresent(r -> r.progressed(progress, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(long cycleId, int drawn, Instant now) {
        find(cycleId, LockModeType.NONE).ifPresent(r -> r.done(drawn, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long cycleId, String refusal, List<Object> args, Instant now) {
        find(cycleId, LockModeType.NONE).ifPresent(r -> r.failed(refusal, args, now));
    }

    /** Refreshes the heartbeat of every draw this node runs; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int heartbeat(String node, Instant now) {
        return em.createQuery("UPDATE JuryDrawRun r SET r.heartbeatAt = :t WHERE r.node = :n AND r.state = :s")
                .setParameter("t", now).setParameter("n", node).setParameter("s", JuryDrawRunner.State.RUNNING)
                .executeUpdate();
    }

    /**
     * At a server's start: the draws this node was running when it stopped were lost with it; they are FAILED
     * (interrupted). Answers how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int interrupted(String node, Instant now) {
        List<JuryDrawRun> lost = em.createQuery("SELECT r FROM JuryDrawRun r WHERE r.node = :n AND r.state = :s",
                JuryDrawRun.class).setParameter("n", node).setParameter("s", JuryDrawRunner.State.RUNNING)
                .getResultList();
        lost.forEach(r -> r.failed("refused.jury.interrupted", List.of(), now));
        return lost.size();
    }

    /** The latest draw's status of this cycle, from any server; a running draw gone silent is reported as lost. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JuryDrawRunner.DrawStatus> status(long cycleId, Instant now) {
        return find(cycleId, LockModeType.NONE).map(r -> r.isRunning() && isStale(r, now)
                ? new JuryDrawRunner.DrawStatus(cycleId, JuryDrawRunner.State.FAILED, "", r.status().startedAt(),
                r.getHeartbeatAt(), "refused.jury.interrupted", List.of(), 0) : r.status());
    }

    private static boolean isStale(JuryDrawRun run, Instant now) {
        return run.getHeartbeatAt().plus(STALE).isBefore(now);
    }
}
