package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing and reading checkpoints: the canonical text, good and bad signatures, rewinds and forks. */
class CheckpointTest {

    private static final String HEAD = "ab".repeat(32);
    private KeyPair key;
    private byte[] pub;

    @BeforeEach
    void key() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        pub = Checkpoint.raw(key.getPublic());
    }

    private String signed(long size, String head) {
        return new Checkpoint("council.example/audit", size, head, "2026-12-06T10:00:00Z", "cycle.phaseAdvanced cycle=50")
                .sign(key.getPrivate(), pub);
    }

    @Test
    void theSignedTextIsTheDocumentedOne() {
        String note = signed(42, HEAD);
        assertTrue(note.startsWith("council.example/audit\n42\n" + HEAD + "\ntime 2026-12-06T10:00:00Z\n"
                + "reason cycle.phaseAdvanced cycle=50\n\n\u2014 council.example/audit "), note);
        assertTrue(note.endsWith("\n"));
    }

    @Test
    void aValidCheckpointReadsBack() {
        Checkpoint c = Checkpoint.verify(signed(42, HEAD), pub);
        assertEquals(42, c.size());
        assertEquals(HEAD, c.headHash());
        assertEquals("2026-12-06T10:00:00Z", c.time());
        Checkpoint.verify(signed(42, HEAD).replace("\n", "\r\n"), pub);
    }

    @Test
    void anAlteredCheckpointHasAWrongSignature() {
        String note = signed(42, HEAD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.verify(note.replace("\n42\n", "\n41\n"), pub));
        assertTrue(e.getMessage().contains("signature is wrong"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.verify(note.replace(HEAD, "cd".repeat(32)), pub));
    }

    @Test
    void anotherKeyIsRefused() throws Exception {
        byte[] other = Checkpoint.raw(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.verify(signed(42, HEAD), other));
        assertTrue(e.getMessage().contains("no signature by this key"), e.getMessage());
    }

    @Test
    void aSignatureOfTheRightKeyIdButForgedBytesIsRefused() {
        String note = signed(42, HEAD);
        int at = note.lastIndexOf(' ') + 10;
        char ch = note.charAt(at);
        String forged = note.substring(0, at) + (ch == 'A' ? 'B' : 'A') + note.substring(at + 1);
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.verify(forged, pub));
    }

    @Test
    void notACheckpointIsSaidSo() {
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.verify("hello\n", pub));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.verify("a\nb\nc\n\n\u2014 a AAAA\n", pub));
    }

    @Test
    void comparingWithAChainFindsRewindsAndForks() {
        Checkpoint c = Checkpoint.verify(signed(42, HEAD), pub);
        assertNull(CheckpointVerifier.compare(c, 42, HEAD), "the head itself");
        assertNull(CheckpointVerifier.compare(c, 100, HEAD), "the chain grew since: still holds the head");
        assertTrue(CheckpointVerifier.compare(c, 41, null).contains("rewound"));
        assertTrue(CheckpointVerifier.compare(c, 100, "cd".repeat(32)).contains("rewritten"));
    }
}
