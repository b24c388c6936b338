package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Residents' keyed pseudonyms: stable, unlinkable to names without the key, and recomputable in the chain. */
class PseudonymsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void theSameResidentGetsTheSamePseudonym() {
        Pseudonyms p = new Pseudonyms(KEY);
        // another server (or this one after a restart) holding the same key gives the same pseudonym
        assertEquals(p.of("resident1"), new Pseudonyms(KEY.clone()).of("resident1"));
        assertEquals(p.of("resident1"), p.of(" Resident1 "), "user names are case-insensitive");
        assertNotEquals(p.of("resident1"), p.of("resident2"));
        assertTrue(p.of("resident1").matches("resident:[0-9a-f]{32}"), p.of("resident1"));
        assertTrue(Pseudonyms.isPseudonym(p.of("resident1")));
        assertFalse(Pseudonyms.isPseudonym("officer"));
    }

    @Test
    void withoutTheKeyANameGivesAnotherPseudonym() {
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes();
        assertNotEquals(new Pseudonyms(KEY).of("resident1"), new Pseudonyms(other).of("resident1"));
        assertFalse(new Pseudonyms(KEY).of("resident1").contains(AuditChain.sha256Hex("resident1").substring(0, 16)));
    }

    @Test
    void anEntryWithAPseudonymRecomputesFromItsPublicFields() throws Exception {
        String actor = new Pseudonyms(KEY).of("resident1");
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, "2026-12-06T10:00:00.123Z", actor, "voting.voted", "cycle",
                "50", null, null, "channel=RESIDENT");
        String line = "{\"seq\":1,\"recordedAt\":\"2026-12-06T10:00:00.123Z\",\"actor\":\"" + actor + "\","
                + "\"action\":\"voting.voted\",\"entityType\":\"cycle\",\"entityId\":\"50\",\"beforeDigest\":null,"
                + "\"afterDigest\":null,\"detail\":\"channel=RESIDENT\",\"prevHash\":\"" + AuditChain.GENESIS
                + "\",\"hash\":\"" + hash + "\",\"withheld\":false}";
        EntriesFileVerifier.Verdict v = EntriesFileVerifier.verify(new BufferedReader(new StringReader(line)),
                List.of());
        assertTrue(v.valid(), v.toString());
        assertEquals(1, v.recomputed());
        assertFalse(line.contains("resident1\""), "the name is nowhere in the public entry");
    }

    @Test
    void aShortKeyIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Pseudonyms(new byte[16]));
    }
}
