package org.civicloop.eligibility;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of what identifies a person (census identifiers, postal codes): HMAC-SHA256 under the server's
 * eligibility key, as 64 hex digits. Without the key nobody can test guesses against a stored hash, so a copy of the
 * database alone does not tell who is on the census. Plain Java.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    public KeyedHash(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("The eligibility key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The keyed hash of a census identity (its normalised form, see {@link CensusFile#identity}). */
    public String of(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
