package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.civicloop.audit.chain.AuditChain;

/**
 * Notices bursts of identical rankings in the open residents' channel (a campaign, or one person with many
 * accounts): the ballot is flagged for an officer, never dropped. Arrivals are counted per minute in the database,
 * so every server sharing it sees the same burst; only counts of a ranking's digest per minute are kept, never who,
 * and rows leave the table once they fall out of the window, so no lasting record of when a ranking came in remains.
 */
@ApplicationScoped
public class CampaignWatch {

    static final int BURST = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    /**
     * Records this ranking's arrival in the caller's transaction; true when it is one of {@link #BURST} or more
     * identical ones within the window (counted in whole minutes: the current minute and the nine before it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean looksLikeACampaign(long cycleId, List<String> ranking, Instant now) {
        String digest = AuditChain.sha256Hex(cycleId + "|" + String.join(",", ranking));
        Timestamp minute = Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES));
        // Concurrent first arrivals in a minute: one insert wins, the others do nothing and then count.
        int created = em.createNativeQuery("INSERT INTO campaign_watch (cycle_id, ranking_digest, minute_start, arrivals)"
                        + " VALUES (?1, ?2, ?3, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, cycleId).setParameter(2, digest).setParameter(3, minute).executeUpdate();
        em.createNativeQuery("UPDATE campaign_watch SET arrivals = arrivals + 1"
                        + " WHERE cycle_id = ?1 AND ranking_digest = ?2 AND minute_start = ?3")
                .setParameter(1, cycleId).setParameter(2, digest).setParameter(3, minute).executeUpdate();
        Timestamp from = Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES).minus(WINDOW).plus(Duration.ofMinutes(1)));
        if (created > 0) {
            // A new minute: every count that has left the window goes (of any ranking and cycle).
            em.createNativeQuery("DELETE FROM campaign_watch WHERE minute_start < ?1")
                    .setParameter(1, from).executeUpdate();
        }
        Number arrivals = (Number) em.createNativeQuery("SELECT COALESCE(SUM(arrivals), 0) FROM campaign_watch"
                        + " WHERE cycle_id = ?1 AND ranking_digest = ?2 AND minute_start >= ?3")
                .setParameter(1, cycleId).setParameter(2, digest).setParameter(3, from).getSingleResult();
        return arrivals.intValue() >= BURST;
    }

    /** When a vote closes its counts are no longer needed: none are kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(long cycleId) {
        em.createNativeQuery("DELETE FROM campaign_watch WHERE cycle_id = ?1").setParameter(1, cycleId)
                .executeUpdate();
    }
}
