package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;

/**
 * At start-up (after the migrations and the demo council, which run first), stores the count of every cycle already
 * past VOTE that has none: those closed before counts were stored. Each cycle is counted once, in its own
 * transaction, audited ({@code voting.countStored}, "stored on upgrade"); afterwards every read uses the stored count.
 */
@ApplicationScoped
public class CountBackfill {

    private static final Logger LOG = Logger.getLogger(CountBackfill.class.getName());

    @Inject
    Cycles cycles;
    @Inject
    StoredCounts counts;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        int stored = 0;
        for (Phase phase : Phase.values()) {
            if (!phase.isAfter(Phase.VOTE)) {
                continue;
            }
            for (long cycleId : cycles.idsInPhase(phase)) {
                try {
                    if (counts.missing(cycleId)) {
                        stored += counts.storeMissing(cycleId, Actor.system(), "stored on upgrade");
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not store the count of cycle " + cycleId
                            + " (the first read stores it)", e);
                }
            }
        }
        if (stored > 0) {
            LOG.info("Counts stored for votes closed before counts were kept: " + stored);
        }
    }
}
