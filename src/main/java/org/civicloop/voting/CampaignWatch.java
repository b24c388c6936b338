package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices bursts of identical rankings in the open residents' channel (a campaign, or one person with many
 * accounts): the ballot is flagged for an officer, never dropped. Only arrival times of rankings are kept, in
 * memory, for a short window, and never with the ballot: nothing here can tell who cast which ballot.
 */
@ApplicationScoped
public class CampaignWatch {

    static final int BURST = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    /** Records this ranking's arrival; true when it is one of {@link #BURST} or more identical ones in the window. */
    public boolean looksLikeACampaign(long cycleId, List<String> ranking, Instant now) {
        Deque<Instant> arrivals = recent.computeIfAbsent(cycleId + "|" + String.join(",", ranking),
                k -> new ArrayDeque<>());
        synchronized (arrivals) {
            while (!arrivals.isEmpty() && arrivals.peekFirst().isBefore(now.minus(WINDOW))) {
                arrivals.pollFirst();
            }
            arrivals.addLast(now);
            return arrivals.size() >= BURST;
        }
    }
}
