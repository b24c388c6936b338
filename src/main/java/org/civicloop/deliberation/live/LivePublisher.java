package org.civicloop.deliberation.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.deliberation.LiveBus;
import org.civicloop.deliberation.LiveViews;
import org.civicloop.deliberation.SessionChanged;

/**
 * Once a change to a session has committed, renders the session's public state once and publishes it on the
 * {@link LiveBus} to this server's screens. Bursts coalesce: while one thread renders a session, further changes only
 * mark it dirty and the same thread renders again with everything that arrived, so 60 jurors answering at once cost
 * a few renders. With several servers on PostgreSQL the change is first announced to every server (this one too)
 * through {@link PostgresLiveChannel}, and each server renders for its own screens when the notification arrives.
 */
@ApplicationScoped
public class LivePublisher {

    private static final Logger LOG = Logger.getLogger(LivePublisher.class.getName());

    @Inject
    LiveBus bus;
    @Inject
    LiveViews views;
    @Inject
    PostgresLiveChannel channel;

    private final Map<Long, Flags> flags = new ConcurrentHashMap<>();

    private static final class Flags {
        final AtomicBoolean rendering = new AtomicBoolean();
        final AtomicBoolean dirty = new AtomicBoolean();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
        changed(change.sessionId());
    }

    /**
     * The session changed: every server watching it publishes its current state (across servers through PostgreSQL
     * when that channel is on; should the announcement fail, this server's screens are still brought up to date).
     */
    public void changed(long sessionId) {
        if (channel.active()) {
            try {
                channel.announce(sessionId);
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not announce a change of session " + sessionId
                        + " to the other servers; only this server's screens are updated", e);
            }
        }
        publishHere(sessionId);
    }

    /** Publishes the session's current state to this server's screens now (coalesced with a render in progress). */
    public void publishHere(long sessionId) {
        Flags f = flags.computeIfAbsent(sessionId, k -> new Flags());
        f.dirty.set(true);
        while (f.dirty.get() && f.rendering.compareAndSet(false, true)) {
            try {
                while (f.dirty.getAndSet(false)) {
                    render(sessionId);
                }
            } finally {
                f.rendering.set(false);
            }
        }
    }

    private void render(long sessionId) {
        if (!bus.hasListeners(sessionId)) {
            return;
        }
        try {
            String json = views.render(sessionId);
            if (json != null) {
                bus.publish(sessionId, new LiveBus.LiveEvent("state", json));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not publish the state of session " + sessionId, e);
        }
    }

}
