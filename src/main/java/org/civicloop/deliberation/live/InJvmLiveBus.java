package org.civicloop.deliberation.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.deliberation.LiveBus;

/**
 * The screens connected to this server: a concurrent set of subscribers per session. Many sessions at once are
 * fine. On one server (H2) this is all the fan-out there is; with several servers on PostgreSQL,
 * {@link PostgresLiveChannel} tells every server that a session changed and each publishes here to its own screens.
 */
@ApplicationScoped
public class InJvmLiveBus implements LiveBus {

    private static final Logger LOG = Logger.getLogger(InJvmLiveBus.class.getName());
    private final Map<Long, Set<Consumer<LiveEvent>>> subscribers = new ConcurrentHashMap<>();

    @Override
    public void publish(long sessionId, LiveEvent event) {
        Set<Consumer<LiveEvent>> set = subscribers.get(sessionId);
        if (set == null) {
            return;
        }
        for (Consumer<LiveEvent> s : set) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A live subscriber failed; it is dropped when its socket closes", e);
            }
        }
    }

    @Override
    public Subscription subscribe(long sessionId, Consumer<LiveEvent> subscriber) {
        subscribers.computeIfAbsent(sessionId, k -> new CopyOnWriteArraySet<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(sessionId, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** The sessions some screen on this server follows (to bring them up to date after missed notifications). */
    public Set<Long> watchedSessions() {
        return Set.copyOf(subscribers.keySet());
    }

    @Override
    public int subscribers(long sessionId) {
        Set<Consumer<LiveEvent>> set = subscribers.get(sessionId);
        return set == null ? 0 : set.size();
    }
}
