package org.civicloop.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A lottery's random generator seed from the seed text an officer committed to (plain Java). */
public final class Seeds {

    private Seeds() {
    }

    /** The first eight bytes of the text's SHA-256 (UTF-8), as a 64-bit seed: the same text, the same draw. */
    public static long of(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
