package org.civicloop.voting;

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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.audit.chain.AuditChain;

/**
 * Notices bursts of identical rankings in the open residents' channel (a campaign, or one person with many
 * accounts): the ballot is flagged for an officer, never dropped. Arrivals are kept in the database, so every server
 * sharing it sees the same burst; only a ranking's digest and the minute are kept, never who, and rows leave the
 * table once they fall out of the window, so no lasting record of when a ranking came in remains.
 */
@ApplicationScoped
public class CampaignWatch {

    static final int BURST = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(CampaignWatch.class.getName());

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CampaignWatch self;
    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> pruning;

    /**
     * Records this ranking's arrival in the caller's transaction; true when it is one of {@link #BURST} or more
     * identical ones within the window (counted in whole minutes: the current minute and the nine before it).
     * Arrivals are only ever inserted, so ballots cast at the same moment never wait for one another here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean looksLikeACampaign(long cycleId, List<String> ranking, Instant now) {
        String digest = AuditChain.sha256Hex(cycleId + "|" + String.join(",", ranking));
        Timestamp minute = Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES));
        em.createNativeQuery("INSERT INTO campaign_arrival (cycle_id, ranking_digest, minute_start) VALUES (?1, ?2, ?3)")
                .setParameter(1, cycleId).setParameter(2, digest).setParameter(3, minute).executeUpdate();
        Number arrivals = (Number) em.createNativeQuery("SELECT COUNT(*) FROM campaign_arrival"
                        + " WHERE cycle_id = ?1 AND ranking_digest = ?2 AND minute_start >= ?3")
                .setParameter(1, cycleId).setParameter(2, digest).setParameter(3, windowStart(now)).getSingleResult();
        return arrivals.intValue() >= BURST;
    }

    private static Timestamp windowStart(Instant now) {
        return Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES).minus(WINDOW).plus(Duration.ofMinutes(1)));
    }

    /** Deletes every arrival that has left the window (of any ranking and cycle). */
    @Transactional
    public int prune() {
        return em.createNativeQuery("DELETE FROM campaign_arrival WHERE minute_start < ?1")
                .setParameter(1, windowStart(clock.instant())).executeUpdate();
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        pruning = executor.scheduleWithFixedDelay(() -> {
            try {
                self.prune();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not prune the campaign watch; trying again in a minute", e);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (pruning != null) {
            pruning.cancel(false);
        }
    }

    /** When a vote closes its arrivals are no longer needed: none are kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(long cycleId) {
        em.createNativeQuery("DELETE FROM campaign_arrival WHERE cycle_id = ?1").setParameter(1, cycleId)
                .executeUpdate();
    }
}
