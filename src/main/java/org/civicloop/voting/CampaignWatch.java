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
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.audit.chain.AuditChain;

/**
 * Notices bursts of identical rankings in the open residents' channel (a campaign, or one person with many
 * accounts): the ballot is flagged for an officer, never dropped. Only a ranking's digest and the minute are kept,
 * never who, and they are forgotten once they fall out of the window, so no lasting record of when a ranking came in
 * remains.
 *
 * <p>Each server counts the arrivals it receives in memory ({@link ArrivalCounts}), so a ballot costs the database
 * nothing here, and writes them to {@code campaign_arrival} once a second in one batch, tagged with its run id. When a
 * ranking arrives at a server for the second time or more within the window, and that server's own count is still
 * short of a burst, the server adds the other servers' written arrivals of it. So a burst sent to one server is
 * flagged from its {@link #BURST}th ballot exactly; a burst spread over several servers behind a load balancer is
 * noticed once its arrivals have been written (within about a second) and the ranking comes back to a server. A
 * server that is killed loses at most its last second of unwritten arrivals: they only ever help to flag.
 */
@ApplicationScoped
public class CampaignWatch {

    static final int BURST = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** This server's run: its arrivals in the database carry it, so that it does not count them twice. */
    static final String RUN = UUID.randomUUID().toString();
    private static final int WRITE_BATCH = 2000;
    private static final int UNWRITTEN_LIMIT = 200_000;
    private static final Logger LOG = Logger.getLogger(CampaignWatch.class.getName());

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    CampaignWatch self;
    @Resource
    ManagedScheduledExecutorService executor;

    private final ArrivalCounts arrivals = new ArrivalCounts((int) WINDOW.toMinutes());
    private ScheduledFuture<?> pruning;
    private ScheduledFuture<?> writing;

    /**
     * Counts this ranking's arrival; true when it is one of {@link #BURST} or more identical ones within the window
     * (counted in whole minutes: the current minute and the nine before it), as far as this server knows (above).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean looksLikeACampaign(long cycleId, List<String> ranking, Instant now) {
        String digest = AuditChain.sha256Hex(cycleId + "|" + String.join(",", ranking));
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        int here = arrivals.arrive(cycleId, digest, minute);
        if (here >= BURST) {
            return true;
        }
        if (here < 2) {
            return false;
        }
        Number elsewhere = (Number) em.createNativeQuery("SELECT COUNT(*) FROM campaign_arrival"
                        + " WHERE cycle_id = ?1 AND ranking_digest = ?2 AND minute_start >= ?3"
                        + " AND (server_run IS NULL OR server_run <> ?4)")
                .setParameter(1, cycleId).setParameter(2, digest).setParameter(3, windowStart(now))
                .setParameter(4, RUN).getSingleResult();
        return here + elsewhere.intValue() >= BURST;
    }

    private static Timestamp windowStart(Instant now) {
        return Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES).minus(WINDOW).plus(Duration.ofMinutes(1)));
    }

    /** Writes the arrivals this server has counted since the last write, in one transaction; answers how many. */
    @Transactional
    public int writeArrivals() {
        List<ArrivalCounts.Arrival> batch = arrivals.takeUnwritten(WRITE_BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO campaign_arrival"
                     + " (cycle_id, ranking_digest, minute_start, server_run) VALUES (?, ?, ?, ?)")) {
            for (ArrivalCounts.Arrival a : batch) {
                insert.setLong(1, a.cycleId());
                insert.setString(2, a.digest());
                insert.setTimestamp(3, Timestamp.from(Instant.ofEpochSecond(a.minute() * 60)));
                insert.setString(4, RUN);
                insert.addBatch();
            }
            insert.executeBatch();
            return batch.size();
        } catch (SQLException | RuntimeException e) {
            arrivals.giveBack(batch, UNWRITTEN_LIMIT);
            throw new IllegalStateException("Could not write " + batch.size() + " campaign-watch arrivals", e);
        }
    }

    /** Deletes every arrival that has left the window (of any ranking and cycle), here and in the database. */
    @Transactional
    public int prune() {
        Instant now = clock.instant();
        arrivals.prune(Math.floorDiv(now.getEpochSecond(), 60));
        return em.createNativeQuery("DELETE FROM campaign_arrival WHERE minute_start < ?1")
                .setParameter(1, windowStart(now)).executeUpdate();
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        pruning = executor.scheduleWithFixedDelay(() -> {
            try {
                self.prune();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not prune the campaign watch; trying again in a minute", e);
            }
        }, 1, 1, TimeUnit.MINUTES);
        writing = executor.scheduleWithFixedDelay(this::writeAll, 1, 1, TimeUnit.SECONDS);
    }

    private void writeAll() {
        try {
            while (arrivals.unwrittenCount() > 0 && self.writeArrivals() == WRITE_BATCH) {
                // a busy second: write the rest at once
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the campaign watch's arrivals; trying again in a second", e);
        }
    }

    @PreDestroy
    void stop() {
        if (pruning != null) {
            pruning.cancel(false);
        }
        if (writing != null) {
            writing.cancel(false);
        }
    }

    /** When a vote closes its arrivals are no longer needed: none are kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(long cycleId) {
        arrivals.forget(cycleId);
        em.createNativeQuery("DELETE FROM campaign_arrival WHERE cycle_id = ?1").setParameter(1, cycleId)
                .executeUpdate();
    }
}
