package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static String entry(String prev, String detail) {
        return AuditChain.hash(prev, 1, "2026-11-23T10:00:00Z", "officer", "cycle.opened", "cycle", "1", null,
                "abc", detail);
    }

    @Test
    void theHashIsSha256HexAndDeterministic() {
        String h = entry(AuditChain.GENESIS, "x");
        assertTrue(h.matches("[0-9a-f]{64}"));
        assertEquals(h, entry(AuditChain.GENESIS, "x"));
    }

    @Test
    void theHashCoversThePreviousHashAndEveryField() {
        String h = entry(AuditChain.GENESIS, "x");
        assertNotEquals(h, entry("1".repeat(64), "x"), "previous hash");
        assertNotEquals(h, entry(AuditChain.GENESIS, "y"), "detail");
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, 2, "2026-11-23T10:00:00Z", "officer", "cycle.opened",
                "cycle", "1", null, "abc", "x"), "sequence number");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab"+"c" and "a"+"bc" must not collide: fields are length-prefixed.
        String a = AuditChain.hash(AuditChain.GENESIS, 1, "t", "ab", "c", "e", "1", null, null, null);
        String b = AuditChain.hash(AuditChain.GENESIS, 1, "t", "a", "bc", "e", "1", null, null, null);
        assertNotEquals(a, b);
        String nullDetail = AuditChain.hash(AuditChain.GENESIS, 1, "t", "a", "b", "e", "1", null, null, null);
        String emptyDetail = AuditChain.hash(AuditChain.GENESIS, 1, "t", "a", "b", "e", "1", null, null, "");
        assertNotEquals(nullDetail, emptyDetail, "null and empty differ");
    }

    @Test
    void knownSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AuditChain.sha256Hex("abc"));
    }
}
