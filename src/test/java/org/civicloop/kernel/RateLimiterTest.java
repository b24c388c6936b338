package org.civicloop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(int capacity, Duration period, int maxKeys) {
        return new RateLimiter(capacity, period, maxKeys, now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void allowsTheCapacityAtOnceThenRefusesWithTheWaitUntilTheNextToken() {
        RateLimiter l = limiter(3, Duration.ofSeconds(60), 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), l.tryAcquire("a"), "attempt " + (i + 1));
        }
        Optional<Duration> wait = l.tryAcquire("a");
        assertTrue(wait.isPresent());
        // one token every 20 s
        assertEquals(20, RateLimiter.retryAfterSeconds(wait.get()));
        advance(Duration.ofSeconds(19));
        assertEquals(1, RateLimiter.retryAfterSeconds(l.tryAcquire("a").orElseThrow()));
        advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), l.tryAcquire("a"));
        assertTrue(l.tryAcquire("a").isPresent());
    }

    @Test
    void keysAreIndependent() {
        RateLimiter l = limiter(1, Duration.ofSeconds(10), 100);
        assertEquals(Optional.empty(), l.tryAcquire("a"));
        assertTrue(l.tryAcquire("a").isPresent());
        assertEquals(Optional.empty(), l.tryAcquire("b"));
    }

    @Test
    void refillNeverExceedsTheCapacity() {
        RateLimiter l = limiter(2, Duration.ofSeconds(10), 100);
        l.tryAcquire("a");
        advance(Duration.ofHours(5));
        assertEquals(Optional.empty(), l.tryAcquire("a"));
        assertEquals(Optional.empty(), l.tryAcquire("a"));
        assertTrue(l.tryAcquire("a").isPresent(), "no more than the capacity after a long pause");
    }

    @Test
    void checkDoesNotSpendAndConsumeCountsWithoutRefusing() {
        RateLimiter l = limiter(2, Duration.ofSeconds(10), 100);
        assertEquals(Optional.empty(), l.check("a"));
        assertEquals(Optional.empty(), l.check("a"));
        l.consume("a");
        l.consume("a");
        l.consume("a");
        assertTrue(l.check("a").isPresent());
        advance(Duration.ofSeconds(5));
        assertEquals(Optional.empty(), l.check("a"), "one token back after half the period");
    }

    @Test
    void fullBucketsAreDroppedWhenThereAreTooManyKeys() {
        RateLimiter l = limiter(1, Duration.ofSeconds(10), 3);
        l.tryAcquire("a");
        l.tryAcquire("b");
        l.tryAcquire("c");
        advance(Duration.ofSeconds(10));
        l.tryAcquire("c");
        l.tryAcquire("d");
        assertEquals(2, l.size(), "a and b had refilled and were dropped; c (spent) and d kept");
        assertTrue(l.tryAcquire("c").isPresent(), "a spent bucket is never forgotten");
    }

    @Test
    void concurrentAttemptsNeverSpendMoreThanTheCapacity() throws Exception {
        RateLimiter l = new RateLimiter(50, Duration.ofHours(1));
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    if (l.tryAcquire("k").isEmpty()) {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(50, allowed.get());
    }
}
