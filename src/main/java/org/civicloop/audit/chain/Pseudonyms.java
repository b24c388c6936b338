package org.civicloop.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of residents in the audit chain: {@code resident:} followed by the first 16 bytes (32 hex digits)
 * of HMAC-SHA256(server secret, lower-case user name). The same resident always gets the same pseudonym, so the
 * public can see that one person did two things, but without the secret (never published) nobody can compute a
 * pseudonym from a name, so hashing candidate names recovers nothing. Plain Java.
 */
public final class Pseudonyms {

    public static final String PREFIX = "resident:";
    private final SecretKeySpec key;

    public Pseudonyms(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The pseudonym key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String of(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(username.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    public static boolean isPseudonym(String actor) {
        return actor != null && actor.startsWith(PREFIX);
    }
}
