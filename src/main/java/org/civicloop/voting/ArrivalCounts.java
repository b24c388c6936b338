package org.civicloop.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server's own arrivals of rankings in the residents' channel, by cycle, ranking digest and minute, kept in
 * memory for the campaign watch's window (plain Java, thread-safe). Each arrival is also queued once for writing to
 * the database, where the other servers see it.
 */
final class ArrivalCounts {

    /** One ranking's arrivals in one cycle in one minute ({@code minute}: minutes since the epoch). */
    record Arrival(long cycleId, String digest, long minute) {
    }

    private final int windowMinutes;
    private final ConcurrentHashMap<Arrival, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Arrival> unwritten = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unwrittenCount = new AtomicInteger();

    ArrivalCounts(int windowMinutes) {
        if (windowMinutes < 1) {
            throw new IllegalArgumentException("The window must be at least one minute");
        }
        this.windowMinutes = windowMinutes;
    }

    /**
     * Records one arrival and answers how many arrivals of this ranking in this cycle this server has seen within the
     * window ending with {@code minute} (the current minute and the {@code windowMinutes - 1} before it), this one
     * included.
     */
    int arrive(long cycleId, String digest, long minute) {
        Arrival arrival = new Arrival(cycleId, digest, minute);
        counts.computeIfAbsent(arrival, a -> new AtomicInteger()).incrementAndGet();
        unwritten.add(arrival);
        unwrittenCount.incrementAndGet();
        return seen(cycleId, digest, minute);
    }

    /** This server's arrivals of the ranking within the window ending with {@code minute}. */
    int seen(long cycleId, String digest, long minute) {
        int total = 0;
        for (long m = minute - windowMinutes + 1; m <= minute; m++) {
            AtomicInteger c = counts.get(new Arrival(cycleId, digest, m));
            if (c != null) {
                total += c.get();
            }
        }
        return total;
    }

    /** Takes up to {@code max} arrivals not yet written, oldest first. */
    List<Arrival> takeUnwritten(int max) {
        List<Arrival> taken = new ArrayList<>();
        Arrival a;
        while (taken.size() < max && (a = unwritten.poll()) != null) {
            taken.add(a);
            unwrittenCount.decrementAndGet();
        }
        return taken;
    }

    /** Gives back arrivals whose writing failed, to be written with the next batch (at most {@code limit} kept). */
    void giveBack(List<Arrival> arrivals, int limit) {
        for (Arrival a : arrivals) {
            if (unwrittenCount.get() >= limit) {
                return;
            }
            unwritten.add(a);
            unwrittenCount.incrementAndGet();
        }
    }

    int unwrittenCount() {
        return unwrittenCount.get();
    }

    /** Forgets the counts of minutes that have left the window ending with {@code minute}. */
    void prune(long minute) {
        counts.keySet().removeIf(a -> a.minute() <= minute - windowMinutes);
    }

    /** Forgets everything about a cycle (its vote has closed). */
    void forget(long cycleId) {
        counts.keySet().removeIf(a -> a.cycleId() == cycleId);
        List<Arrival> kept = takeUnwritten(Integer.MAX_VALUE);
        kept.removeIf(a -> a.cycleId() == cycleId);
        giveBack(kept, Integer.MAX_VALUE);
    }
}
