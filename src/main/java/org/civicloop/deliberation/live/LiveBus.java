package org.civicloop.deliberation.live;

import java.util.function.Consumer;

/**
 * Fan-out of live session events to every screen watching a session (projectors, juror phones, the facilitator's
 * console). Callers publish after their transaction committed; subscribers get each event in publication order.
 * The in-JVM implementation serves one server; a PostgreSQL LISTEN/NOTIFY implementation can replace it for several
 * servers without any caller changing (issue 9).
 */
public interface LiveBus {

    /** Delivers the event to every subscriber of this session (on any server, for a distributed implementation). */
    void publish(long sessionId, LiveEvent event);

    /** Subscribes to one session's events until the returned subscription is closed. */
    Subscription subscribe(long sessionId, Consumer<LiveEvent> subscriber);

    /** How many subscribers this server holds for the session (for the console and the load test). */
    int subscribers(long sessionId);

    /**
     * Whether publishing can reach anyone (nobody watching: the state is not even rendered). A distributed
     * implementation answers true unless it knows no server has a subscriber.
     */
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
