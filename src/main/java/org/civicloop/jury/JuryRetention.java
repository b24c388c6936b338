package org.civicloop.jury;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the retention rule (docs/jury.md): {@code civicloop.jury.retentionDays} (default 90) days after a cycle
 * closes, its volunteers' personal data is deleted and they are pseudonymised ({@link JuryService#erasePersonalData}).
 * A timer checks every few hours; an officer or administrator may apply it to a closed cycle at once (earlier, never
 * later). Every deletion is audited.
 */
@ApplicationScoped
public class JuryRetention {

    private static final Logger LOG = Logger.getLogger(JuryRetention.class.getName());
    static final long PERIOD_HOURS = 6;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    JuryService jury;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "civicloop.jury.retentionDays", defaultValue = "90")
    int days;
    @Resource
    ManagedScheduledExecutorService executor;

    private java.util.concurrent.ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = executor.scheduleWithFixedDelay(this::runDueQuietly, 2, PERIOD_HOURS * 60, TimeUnit.MINUTES);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void runDueQuietly() {
        try {
            List<Long> done = runDue(clock.instant());
            if (!done.isEmpty()) {
                LOG.info("Retention: deleted the jury personal data of cycles " + done);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention run failed; it is tried again at the next run", e);
        }
    }

    public int days() {
        return days;
    }

    public RetentionRule rule() {
        return new RetentionRule(days);
    }

    /** When the cycle moved to CLOSED, if it has. */
    public Optional<Instant> closedAt(long cycleId) {
        return cycleViews.closedAt(cycleId);
    }

    /** The closed cycles whose personal data is due for deletion at {@code now} and not yet deleted. */
    public List<Long> due(Instant now) {
        List<Long> due = new ArrayList<>();
        RetentionRule rule = rule();
        for (Long id : cycleViews.idsInPhase(Phase.CLOSED)) {
            if (jury.retention(id).isEmpty() && rule.isDue(closedAt(id), now)) {
                due.add(id);
            }
        }
        return due;
    }

    /** Applies the rule as of {@code now} (the timer passes the clock's time): answers the cycles it deleted data of. */
    public List<Long> runDue(Instant now) {
        List<Long> done = new ArrayList<>();
        for (Long id : due(now)) {
            if (jury.erasePersonalData(Actor.system(), id).isDone()) {
                done.add(id);
            }
        }
        return done;
    }

    /** An officer or administrator deletes a closed cycle's jury personal data now, before the deadline. */
    public Result<Integer> runNow(Actor actor, long cycleId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        return jury.erasePersonalData(actor, cycleId);
    }
}
