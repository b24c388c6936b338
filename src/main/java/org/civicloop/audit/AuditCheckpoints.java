package org.civicloop.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.audit.chain.Checkpoint;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed checkpoints of the audit chain's head ({@link Checkpoint}): one in the same transaction as every entry
 * that opens a cycle or moves it to its next phase, and one every {@code civicloop.audit.checkpointMinutes} (60 by
 * default; 0 turns the periodic ones off) when the chain grew since the last. They are kept in
 * {@code audit_checkpoint} and published ({@code GET /api/v1/audit/checkpoints}, the report) so that anyone can
 * keep them outside the council's database.
 */
@ApplicationScoped
public class AuditCheckpoints {

    /** One stored checkpoint; {@code note} is the signed text to keep and to give to {@code verify-audit}. */
    public record Stored(long size, String headHash, String signedAt, String reason, String note) {
    }

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditKeys keys;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    @ConfigProperty(name = "civicloop.audit.checkpointMinutes", defaultValue = "60")
    long periodMinutes;
    @Resource
    ManagedScheduledExecutorService executor;

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // The public check remembers what it verified: verify the whole chain once now, not on a visitor's request.
        tasks.add(executor.schedule(this::warmUp, 3, TimeUnit.SECONDS));
        if (periodMinutes > 0) {
            tasks.add(executor.scheduleWithFixedDelay(this::periodic, periodMinutes, periodMinutes, TimeUnit.MINUTES));
        }
    }

    private void warmUp() {
        try {
            audit.verifyPublic();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not verify the audit chain at start", e);
        }
    }

    private void periodic() {
        try {
            signHead("periodic");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not sign a checkpoint of the audit chain; trying again later", e);
        }
    }

    /**
     * Signs the entry just appended ({@code seq}, {@code hash}) inside the caller's transaction, which holds the
     * chain's head: the checkpoint commits with the entry or not at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signAppended(long seq, String hash, String reason) {
        store(seq, hash, reason);
    }

    /** Signs the chain's head as committed now, unless a checkpoint of that size exists; answers it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Stored> signHead(String reason) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        if (seq < 1) {
            return Optional.empty();
        }
        store(seq, (String) head[1], reason);
        return latest();
    }

    private void store(long seq, String hash, String reason) {
        if (!em.createNativeQuery("SELECT tree_size FROM audit_checkpoint WHERE tree_size = ?1").setParameter(1, seq)
                .getResultList().isEmpty()) {
            return;
        }
        String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String why = reason.replaceAll("[^\\x20-\\x7e]", "?").strip();
        why = why.length() > 80 ? why.substring(0, 80) : why;
        Checkpoint c = new Checkpoint(keys.origin(), seq, hash, at, why);
        em.createNativeQuery("INSERT INTO audit_checkpoint (tree_size, head_hash, signed_at, reason, note)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, seq).setParameter(2, hash).setParameter(3, at)
                .setParameter(4, why).setParameter(5, c.sign(keys.signingKey(), keys.publicKeyRaw())).executeUpdate();
    }

    /** The newest checkpoint, if any. */
    public Optional<Stored> latest() {
        return page(Long.MAX_VALUE, 1).stream().findFirst();
    }

    /** Checkpoints of a size below {@code before}, newest first, at most {@code max}. */
    public List<Stored> page(long before, int max) {
        List<?> rows = em.createNativeQuery("SELECT tree_size, head_hash, signed_at, reason, note FROM audit_checkpoint"
                        + " WHERE tree_size < ?1 ORDER BY tree_size DESC").setParameter(1, before)
                .setMaxResults(max).getResultList();
        List<Stored> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            out.add(new Stored(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4]));
        }
        return out;
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }
}
