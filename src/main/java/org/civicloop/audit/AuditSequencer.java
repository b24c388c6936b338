package org.civicloop.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chains queued audit entries ({@link AuditLog#noteQueued}) every {@value #PERIOD_MS} ms, in batches of at most
 * {@value #BATCH}. Every server sharing the database runs one; the chain head's lock makes them take turns. After a
 * crash, whatever was committed into the queue is chained as soon as a server starts again.
 */
@ApplicationScoped
public class AuditSequencer {

    static final long PERIOD_MS = 100;
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(AuditSequencer.class.getName());

    @Inject
    AuditLog audit;
    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> task;
    private volatile boolean warned;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = executor.scheduleWithFixedDelay(this::chainWhatIsQueued, 1000, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void chainWhatIsQueued() {
        try {
            while (audit.chainQueued(BATCH) == BATCH) {
                // A full batch: more may wait.
            }
            warned = false;
        } catch (RuntimeException e) {
            // Never let the task die (a scheduled task that throws is not run again); say so once per failure spell.
            if (!warned) {
                warned = true;
                LOG.log(Level.WARNING, "Could not chain queued audit entries; trying again", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
