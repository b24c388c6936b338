package org.civicloop.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit log. Entry n's hash is SHA-256 over the previous entry's hash and every field of
 * entry n, each field length-prefixed so that no two different entries can produce the same input. Plain Java:
 * the application and the offline verifier compute exactly the same thing.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, long seq, String recordedAt, String actor, String action,
                              String entityType, String entityId, String beforeDigest, String afterDigest,
                              String detail) {
        StringBuilder in = new StringBuilder(256);
        for (String field : new String[]{previousHash, Long.toString(seq), recordedAt, actor, action, entityType,
                entityId, beforeDigest, afterDigest, detail}) {
            if (field == null) {
                in.append("-1:");
            } else {
                in.append(field.length()).append(':').append(field);
            }
            in.append('|');
        }
        return sha256Hex(in.toString());
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    /** One digest per thread: looking one up for each of a million entries costs more than hashing them. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });
}
