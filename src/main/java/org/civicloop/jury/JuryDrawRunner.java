package org.civicloop.jury;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/**
 * Runs the jury draw off the request thread: computing the fair panel distribution of a large pool takes seconds to
 * minutes, so the officer's click (or the API call) starts the draw on the managed executor and the page polls its
 * status. One draw per cycle at a time: a second start while one runs is refused. The status lives in this server's
 * memory (a restart forgets a running draw, which then never happened: the draw is one transaction).
 */
@ApplicationScoped
public class JuryDrawRunner {

    private static final Logger LOG = Logger.getLogger(JuryDrawRunner.class.getName());

    /** Where a draw is. {@code refusal} and {@code args} say why a failed draw changed nothing. */
    public enum State { RUNNING, DONE, FAILED }

    public record DrawStatus(long cycleId, State state, String progress, Instant startedAt, Instant finishedAt,
                             String refusal, List<Object> args, int drawn) {
        public boolean isRunning() {
            return state == State.RUNNING;
        }

        DrawStatus progressed(String p) {
            return new DrawStatus(cycleId, state, p, startedAt, finishedAt, refusal, args, drawn);
        }
    }

    @Inject
    JuryService jury;
    @Inject
    Clock clock;
    @Resource
    ManagedExecutorService executor;

    private final Map<Long, DrawStatus> statuses = new ConcurrentHashMap<>();

    /**
     * Starts drawing the committed jury of a cycle. Refused at once if this person may not, if nothing is committed
     * or already drawn, or if a draw of this cycle is running; otherwise answers the RUNNING status.
     */
    public Result<DrawStatus> start(Actor actor, long cycleId) {
        Result<JuryDraw> ready = jury.readyToDraw(actor, cycleId);
        if (ready instanceof Result.Refused<JuryDraw> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        DrawStatus running = new DrawStatus(cycleId, State.RUNNING, "", clock.instant(), null, null, List.of(), 0);
        DrawStatus previous = statuses.compute(cycleId, (id, s) -> s != null && s.isRunning() ? s : running);
        if (previous != running) {
            return Result.refused("refused.jury.drawing");
        }
        try {
            executor.execute(() -> run(actor, cycleId));
        } catch (RuntimeException e) {
            statuses.remove(cycleId);
            throw e;
        }
        return Result.done(running);
    }

    private void run(Actor actor, long cycleId) {
        Result<List<Volunteer>> r;
        try {
            Result<JuryService.DrawPlan> plan = jury.planDraw(actor, cycleId,
                    p -> statuses.computeIfPresent(cycleId, (id, s) -> s.progressed(p)));
            r = plan instanceof Result.Refused<JuryService.DrawPlan> refused
                    ? Result.refused(refused.key(), refused.args().toArray())
                    : jury.recordDraw(actor, cycleId, plan.value());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The jury draw of cycle " + cycleId + " failed", e);
            r = Result.refused("refused.jury.failed", String.valueOf(e.getMessage()));
        }
        Instant now = clock.instant();
        DrawStatus s = statuses.get(cycleId);
        Instant started = s == null ? now : s.startedAt();
        if (r instanceof Result.Refused<List<Volunteer>> refused) {
            statuses.put(cycleId, new DrawStatus(cycleId, State.FAILED, "", started, now, refused.key(),
                    refused.args(), 0));
        } else {
            statuses.put(cycleId, new DrawStatus(cycleId, State.DONE, "", started, now, null, List.of(),
                    r.value().size()));
        }
    }

    /**
     * Waits at most {@code patience} for a started draw to finish (a small pool draws in milliseconds, and the officer
     * then sees the outcome at once); answers its status then, finished or not.
     */
    public DrawStatus awaitBriefly(long cycleId, java.time.Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        DrawStatus s = statuses.get(cycleId);
        while (s != null && s.isRunning() && System.nanoTime() < until) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = statuses.get(cycleId);
        }
        return s;
    }

    /**
     * Draws a test panel ({@link JuryService#testPanel}) on the executor: nothing is recorded, so there is no status
     * to keep; the caller holds the future and polls it.
     */
    public java.util.concurrent.CompletableFuture<Result<JuryService.TestPanel>> testPanel(Actor actor, long cycleId,
            int size, String method) {
        return executor.supplyAsync(() -> {
            try {
                return jury.testPanel(actor, cycleId, size, method);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A test panel of cycle " + cycleId + " failed", e);
                return Result.refused("refused.jury.failed", String.valueOf(e.getMessage()));
            }
        });
    }

    /** The latest draw of this cycle started on this server, if any. */
    public Optional<DrawStatus> status(long cycleId) {
        return Optional.ofNullable(statuses.get(cycleId));
    }
}
