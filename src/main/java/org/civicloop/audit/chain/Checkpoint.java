package org.civicloop.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A signed checkpoint of the audit chain: "this log, at size N (its last seq), had head hash H, at time T", signed
 * with the server's Ed25519 key. The text follows the shape of a C2SP signed note / RFC 9162 signed tree head:
 * <pre>
 * ORIGIN
 * SIZE
 * HEAD-HASH (64 hex digits)
 * time ISO-8601-UTC
 * reason REASON
 *
 * — ORIGIN BASE64(key id (4 bytes) ‖ Ed25519 signature (64 bytes))
 * </pre>
 * The signature covers the UTF-8 bytes of the five body lines, each ended by a newline. The key id is the first four
 * bytes of SHA-256(ORIGIN ‖ "\n" ‖ 0x01 ‖ raw 32-byte public key). Plain Java (the offline tool uses it).
 */
public record Checkpoint(String origin, long size, String headHash, String time, String reason) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LINE = Pattern.compile("[\\x21-\\x7e][\\x20-\\x7e]{0,199}");
    /** The fixed X.509 prefix of an Ed25519 public key (RFC 8410): followed by the raw 32 bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String DASH = "\u2014 ";

    public Checkpoint {
        if (origin == null || !LINE.matcher(origin).matches() || origin.contains(" ")) {
            throw new IllegalArgumentException("The origin must be one printable word");
        }
        if (size < 1) {
            throw new IllegalArgumentException("A checkpoint covers at least one entry");
        }
        if (headHash == null || !HASH.matcher(headHash).matches()) {
            throw new IllegalArgumentException("The head hash must be 64 lower-case hex digits");
        }
        if (time == null || !LINE.matcher(time).matches() || reason == null || !LINE.matcher(reason).matches()) {
            throw new IllegalArgumentException("Time and reason must be printable text on one line");
        }
    }

    /** The signed text: the body lines, each ended by a newline. */
    public String body() {
        return origin + "\n" + size + "\n" + headHash + "\ntime " + time + "\nreason " + reason + "\n";
    }

    /** The whole note: body, an empty line, the signature line. */
    public String sign(PrivateKey key, byte[] publicKeyRaw) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(body().getBytes(StandardCharsets.UTF_8));
            byte[] sig = s.sign();
            byte[] both = new byte[4 + sig.length];
            System.arraycopy(keyId(origin, publicKeyRaw), 0, both, 0, 4);
            System.arraycopy(sig, 0, both, 4, sig.length);
            return body() + "\n" + DASH + origin + " " + Base64.getEncoder().encodeToString(both) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 17 platform", e);
        }
    }

    /**
     * Reads a note and checks its signature with the raw 32-byte public key; throws {@link IllegalArgumentException}
     * naming what is wrong (not a checkpoint, another key, a bad signature).
     */
    public static Checkpoint verify(String note, byte[] publicKeyRaw) {
        String text = note.replace("\r\n", "\n");
        int split = text.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a checkpoint: no empty line before the signature");
        }
        String body = text.substring(0, split + 1);
        String[] lines = body.split("\n");
        if (lines.length != 5 || !lines[3].startsWith("time ") || !lines[4].startsWith("reason ")) {
            throw new IllegalArgumentException("not a checkpoint: expected origin, size, head hash, time and reason");
        }
        Checkpoint c;
        try {
            c = new Checkpoint(lines[0], Long.parseLong(lines[1]), lines[2], lines[3].substring(5),
                    lines[4].substring(7));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a checkpoint: the size is not a number");
        }
        if (!c.body().equals(body)) {
            throw new IllegalArgumentException("not a checkpoint: the text is not in its canonical form");
        }
        String prefix = DASH + c.origin() + " ";
        byte[] want = keyId(c.origin(), publicKeyRaw);
        for (String line : text.substring(split + 2).split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] both;
            try {
                both = Base64.getDecoder().decode(line.substring(prefix.length()).strip());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (both.length != 68 || !Arrays.equals(Arrays.copyOf(both, 4), want)) {
                continue;
            }
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(publicKey(publicKeyRaw));
                s.update(body.getBytes(StandardCharsets.UTF_8));
                if (s.verify(Arrays.copyOfRange(both, 4, 68))) {
                    return c;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the public key is not an Ed25519 key");
            }
            throw new IllegalArgumentException("the signature is wrong (the checkpoint was altered or not signed"
                    + " with this key)");
        }
        throw new IllegalArgumentException("the checkpoint carries no signature by this key for " + c.origin());
    }

    /** The first four bytes of SHA-256(origin, newline, 0x01, raw public key). */
    public static byte[] keyId(String origin, byte[] publicKeyRaw) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((origin + "\n").getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0x01);
            d.update(publicKeyRaw);
            return Arrays.copyOf(d.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32 bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    /** An Ed25519 public key from its raw 32 bytes. */
    public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new GeneralSecurityException("An Ed25519 public key has 32 bytes");
        }
        byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }
}
