package org.civicloop.jury;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/**
 * Runs the jury draw off the request thread: computing the fair panel distribution of a large pool takes seconds to
 * minutes, so the officer's click (or the API call) starts the draw on the managed executor and the page polls its
 * status. One draw per cycle at a time: a second start while one runs (on any server) is refused. The status is kept in
 * the database ({@link JuryDrawRuns}), so every server answers it; a draw lost with its server (a restart, a crash) is
 * reported FAILED, interrupted, and never happened (the draw is recorded in one transaction at its end).
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

    }

    /** How often a server refreshes the heartbeat of the draws it runs. */
    static final long HEARTBEAT_SECONDS = 15;
    /** How often the draw writes its progress to the database, at most. */
    private static final long PROGRESS_MILLIS = 500;

    @Inject
    JuryService jury;

    @Inject

    JuryDraws draws;
    @Inject
    JuryDrawRuns runs;
    @Inject
    Clock clock;
    @Resource
    ManagedExecutorService executor;
    @Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    /** This server, as the draws it runs name it: the host and the server's configuration folder. */
    private final String node = nodeName();
    private java.util.concurrent.ScheduledFuture<?> heartbeat;

    static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String name = host + " " + System.getProperty("server.config.dir", System.getProperty("user.dir", ""));
        return name.length() > 500 ? name.substring(name.length() - 500) : name;
    }

    /**
     * At start: the draws this server was running when it stopped are lost (FAILED, interrupted); from now on the
     * heartbeat of the draws it runs is refreshed every {@link #HEARTBEAT_SECONDS} seconds.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            int lost = runs.interrupted(node, clock.instant());
            if (lost > 0) {
                LOG.warning(lost + " jury draw(s) were interrupted when this server stopped; they can be started again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mark the interrupted jury draws of this server", e);
        }
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    private void beat() {
        try {
            runs.heartbeat(node, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The jury draws' heartbeat failed; it is tried again", e);
        }
    }

    /**
     * Starts drawing the committed jury of a cycle. Refused at once if this person may not, if nothing is committed
     * or already drawn, or if a draw of this cycle is running on any server; otherwise answers the RUNNING status.
     */
    public Result<DrawStatus> start(Actor actor, long cycleId) {
        Result<JuryDraw> ready = draws.readyToDraw(actor, cycleId);
        if (ready instanceof Result.Refused<JuryDraw> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        Optional<DrawStatus> running;
        try {
            running = runs.claim(cycleId, node, clock.instant(), () -> draws.readyToDraw(actor, cycleId).isDone());
        } catch (RuntimeException e) {
            // Two servers claiming the first draw of a cycle at once: the unique cycle id lets one win.
            LOG.log(Level.FINE, "Claiming the draw of cycle " + cycleId + " lost a race", e);
            running = Optional.empty();
        }
        if (running.isEmpty()) {
            // Running elsewhere, or no longer ready (a draw that finished meanwhile): say which.
            Result<JuryDraw> now = draws.readyToDraw(actor, cycleId);
            return now instanceof Result.Refused<JuryDraw> r ? Result.refused(r.key(), r.args().toArray())
                    : Result.refused("refused.jury.drawing");
        }
        try {
            executor.execute(() -> run(actor, cycleId));
        } catch (RuntimeException e) {
            runs.failed(cycleId, "refused.jury.failed", List.of(String.valueOf(e.getMessage())), clock.instant());
            throw e;
        }
        return Result.done(running.get());
    }

    private void run(Actor actor, long cycleId) {
        Result<List<Volunteer>> r;
        long[] lastWrite = {0};
        try {
            Result<JuryDraws.DrawPlan> plan = draws.planDraw(actor, cycleId, p -> {
                long now = System.nanoTime();
                if (now - lastWrite[0] >= PROGRESS_MILLIS * 1_000_000L) {
                    lastWrite[0] = now;
                    runs.progress(cycleId, node, p, clock.instant());
                }
            });
            r = plan instanceof Result.Refused<JuryDraws.DrawPlan> refused
                    ? Result.refused(refused.key(), refused.args().toArray())
                    : draws.recordDraw(actor, cycleId, plan.value());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The jury draw of cycle " + cycleId + " failed", e);
            r = Result.refused("refused.jury.failed", String.valueOf(e.getMessage()));
        }
        if (r instanceof Result.Refused<List<Volunteer>> refused) {
            runs.failed(cycleId, refused.key(), refused.args(), clock.instant());
        } else {
            runs.done(cycleId, r.value().size(), clock.instant());
        }
    }

    /**
     * Waits at most {@code patience} for a started draw to finish (a small pool draws in milliseconds, and the officer
     * then sees the outcome at once); answers its status then, finished or not.
     */
    public DrawStatus awaitBriefly(long cycleId, java.time.Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        DrawStatus s = status(cycleId).orElse(null);
        while (s != null && s.isRunning() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = status(cycleId).orElse(null);
        }
        return s;
    }

    /**
     * Draws a test panel ({@link JuryService#testPanel}) on the executor: nothing is recorded, so there is no status
     * to keep; the caller holds the future and polls it.
     */
    public java.util.concurrent.CompletableFuture<Result<JuryDraws.TestPanel>> testPanel(Actor actor, long cycleId,
            int size, String method) {
        return executor.supplyAsync(() -> {
            try {
                return draws.testPanel(actor, cycleId, size, method);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A test panel of cycle " + cycleId + " failed", e);
                return Result.refused("refused.jury.failed", String.valueOf(e.getMessage()));
            }
        });
    }

    /**
     * The latest draw of this cycle, started on any server, if any; a draw whose server stopped (restarted, or silent
     * for longer than {@link JuryDrawRuns#STALE}) is FAILED, interrupted.
     */
    public Optional<DrawStatus> status(long cycleId) {
        return runs.status(cycleId, clock.instant());
    }
}
