package org.civicloop.kernel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (an account, a client address): each key may spend {@code capacity} tokens at once, and
 * the bucket refills continuously at {@code capacity} tokens per {@code period}. Plain Java, thread-safe, in memory
 * (so per server node). Memory stays bounded: when more than {@code maxKeys} buckets exist, the ones that have
 * refilled completely (and so carry no information) are dropped.
 */
public final class RateLimiter {

    private final int capacity;
    private final double tokensPerNano;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration period) {
        this(capacity, period, 100_000, System::nanoTime);
    }

    public RateLimiter(int capacity, Duration period, int maxKeys, LongSupplier nanoClock) {
        if (capacity < 1 || period.isNegative() || period.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("capacity and period must be positive");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    public int capacity() {
        return capacity;
    }

    /** Takes one token for the key: empty when allowed, else how long until a token is available again. */
    public Optional<Duration> tryAcquire(String key) {
        return bucket(key).take(nanoClock.getAsLong(), true);
    }

    /** Like {@link #tryAcquire} without taking anything: empty when the key still has a token. */
    public Optional<Duration> check(String key) {
        Bucket b = buckets.get(key);
        return b == null ? Optional.empty() : b.take(nanoClock.getAsLong(), false);
    }

    /** Takes one token if there is one (counting a failure after the fact; never refuses). */
    public void consume(String key) {
        bucket(key).take(nanoClock.getAsLong(), true);
    }

    /** The number of keys held (for tests and metrics). */
    public int size() {
        return buckets.size();
    }

    private Bucket bucket(String key) {
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            long now = nanoClock.getAsLong();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoClock.getAsLong()));
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Optional<Duration> take(long now, boolean spend) {
            refill(now);
            if (tokens >= 1) {
                if (spend) {
                    tokens -= 1;
                }
                return Optional.empty();
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return Optional.of(Duration.ofNanos(Math.max(1, waitNanos)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                updated = now;
            }
        }
    }

    /** Whole seconds to put in a Retry-After header (at least 1). */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
