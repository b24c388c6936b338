package org.civicloop.deliberation;

import java.util.function.Consumer;

/**
 * Fan-out of live session events to every screen watching a session (projectors, juror phones, the facilitator's
 * console) connected to this server. Callers publish after their transaction committed; subscribers get each event
 * in publication order. Across servers (several Liberty nodes on one PostgreSQL database), {@link LivePublisher}
 * sends a small PostgreSQL NOTIFY through {@link PostgresLiveChannel} and every server renders the state and
 * publishes it here to its own screens.
 */
public interface LiveBus {

    /** Delivers the event to every subscriber of this session on this server. */
    void publish(long sessionId, LiveEvent event);

    /** Subscribes to one session's events until the returned subscription is closed. */
    Subscription subscribe(long sessionId, Consumer<LiveEvent> subscriber);

    /** How many subscribers this server holds for the session (for the console and the load test). */
    int subscribers(long sessionId);

    /** Whether publishing can reach anyone here (nobody watching: the state is not even rendered). */
    default boolean hasListeners(long sessionId) {
        return subscribers(sessionId) > 0;
    }

    /** An event: its type (e.g. "state") and its JSON payload, already rendered once for all subscribers. */
    record LiveEvent(String type, String json) {
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
