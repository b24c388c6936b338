package org.civicloop.jury.selection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deterministic random number generator defined by a seed string, simple enough to re-implement anywhere:
 * <ul>
 * <li>block {@code i} (i = 0, 1, 2, ...) is {@code SHA-256(UTF-8(seed) || 0x00 || i as 8-byte big-endian)};</li>
 * <li>the blocks are read as a stream of unsigned 64-bit big-endian words, four per block;</li>
 * <li>{@link #nextDouble()} is {@code (word >>> 11) * 2^-53};</li>
 * <li>{@link #nextInt(int) nextInt(n)} takes {@code r = word >>> 1} and rejects {@code r >= 2^63 - (2^63 mod n)},
 * drawing another word, then returns {@code r mod n} (no modulo bias).</li>
 * </ul>
 * Not thread-safe.
 */
public final class SeededRandom {

    private final byte[] seed;
    private long block;
    private ByteBuffer words = ByteBuffer.allocate(0);

    public SeededRandom(String seed) {
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
    }

    /** The next 64-bit word. */
    public long nextLong() {
        if (!words.hasRemaining()) {
            MessageDigest sha = sha256();
            sha.update(seed);
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(8).putLong(block++).array());
            words = ByteBuffer.wrap(sha.digest());
        }
        return words.getLong();
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long rem = (Long.MAX_VALUE % bound + 1) % bound; // 2^63 mod bound
        while (true) {
            long r = nextLong() >>> 1;
            if (rem == 0 || r < Long.MAX_VALUE - rem + 1) {
                return (int) (r % bound);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
