package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying the public log saved as JSON lines: valid, edited, missing, reordered, withheld, checkpoints. */
class EntriesFileVerifierTest {

    private final List<String> lines = new ArrayList<>();
    private final List<String> hashes = new ArrayList<>();

    @BeforeEach
    void tenEntries() {
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= 10; seq++) {
            String actor = seq % 2 == 0 ? "resident:" + "0f".repeat(16) : "officer";
            String detail = seq == 3 ? "said \"yes\"\n\u00e1\u00e9 \\ tab\t" : seq == 4 ? null : "cycle=50";
            String after = seq % 3 == 0 ? AuditChain.sha256Hex("row " + seq) : null;
            String at = "2026-12-06T10:00:0" + (seq % 10) + ".000Z";
            String hash = AuditChain.hash(prev, seq, at, actor, "cycle.x", "cycle", "50", null, after, detail);
            lines.add("{\"seq\":" + seq + ",\"recordedAt\":\"" + at + "\",\"actor\":\"" + actor + "\",\"action\":"
                    + "\"cycle.x\",\"entityType\":\"cycle\",\"entityId\":\"50\",\"beforeDigest\":null,\"afterDigest\":"
                    + (after == null ? "null" : "\"" + after + "\"") + ",\"detail\":"
                    + (detail == null ? "null" : "\"" + VerifyAuditCommand.escape(detail) + "\"") + ",\"prevHash\":\""
                    + prev + "\",\"hash\":\"" + hash + "\",\"withheld\":false}");
            hashes.add(hash);
            prev = hash;
        }
    }

    private EntriesFileVerifier.Verdict verify(List<String> file, List<Checkpoint> checkpoints) throws Exception {
        return EntriesFileVerifier.verify(new BufferedReader(new StringReader(String.join("\n", file))), checkpoints);
    }

    @Test
    void aCompleteLogRecomputesEveryEntry() throws Exception {
        EntriesFileVerifier.Verdict v = verify(lines, List.of());
        assertTrue(v.valid(), v.toString());
        assertEquals(10, v.entries());
        assertEquals(10, v.recomputed());
        assertEquals(hashes.get(9), v.head());
    }

    @Test
    void anEditedEntryIsNamed() throws Exception {
        lines.set(6, lines.get(6).replace("cycle=50", "cycle=51"));
        EntriesFileVerifier.Verdict v = verify(lines, List.of());
        assertFalse(v.valid());
        assertEquals(7L, v.firstBrokenEntry());
        assertTrue(v.problems().get(0).contains("entry 7 does not recompute"), v.problems().toString());
    }

    @Test
    void anEditedActorIsNamed() throws Exception {
        lines.set(1, lines.get(1).replace("resident:", "resident:1"));
        assertEquals(2L, verify(lines, List.of()).firstBrokenEntry());
    }

    @Test
    void aMissingEntryIsNamed() throws Exception {
        lines.remove(4);
        EntriesFileVerifier.Verdict v = verify(lines, List.of());
        assertFalse(v.valid());
        assertEquals(5L, v.firstBrokenEntry());
        assertTrue(v.problems().get(0).contains("entry 5 is missing"), v.problems().toString());
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        String third = lines.remove(2);
        lines.add(3, third);
        EntriesFileVerifier.Verdict v = verify(lines, List.of());
        assertFalse(v.valid());
        assertEquals(3L, v.firstBrokenEntry(), v.toString());
    }

    @Test
    void aLogNotStartingAtOneIsIncomplete() throws Exception {
        EntriesFileVerifier.Verdict v = verify(lines.subList(1, 10), List.of());
        assertFalse(v.valid());
        assertEquals(1L, v.firstBrokenEntry());
    }

    @Test
    void withheldEntriesAreBoundByTheirLinksOnly() throws Exception {
        String w = "{\"seq\":2,\"prevHash\":\"" + hashes.get(0) + "\",\"hash\":\"" + hashes.get(1)
                + "\",\"withheld\":true}";
        lines.set(1, w);
        EntriesFileVerifier.Verdict v = verify(lines, List.of());
        assertTrue(v.valid(), v.toString());
        assertEquals(1, v.withheld());
        assertEquals(9, v.recomputed());
        lines.set(1, w.replace(hashes.get(1), "00".repeat(32)));
        assertEquals(3L, verify(lines, List.of()).firstBrokenEntry(),
                "a withheld entry's hash is still bound: the next entry no longer links to it");
    }

    @Test
    void garbageIsNamedByItsLine() throws Exception {
        lines.set(3, "{\"seq\": [1]}");
        EntriesFileVerifier.Verdict v = verify(lines, List.of());
        assertFalse(v.valid());
        assertTrue(v.problems().get(0).contains("line 4"), v.problems().toString());
    }

    @Test
    void checkpointsAreCheckedAgainstTheFile() throws Exception {
        Checkpoint at7 = new Checkpoint("o", 7, hashes.get(6), "t", "r");
        assertTrue(verify(lines, List.of(at7)).valid());
        EntriesFileVerifier.Verdict rewound = verify(lines.subList(0, 6), List.of(at7));
        assertFalse(rewound.valid());
        assertTrue(rewound.problems().toString().contains("rewound"), rewound.toString());
        Checkpoint forked = new Checkpoint("o", 7, "cd".repeat(32), "t", "r");
        assertFalse(verify(lines, List.of(forked)).valid());
    }

    @Test
    void theCommandVerifiesAFileAndACheckpoint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("entries.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pub = Checkpoint.raw(key.getPublic());
        Path cp = dir.resolve("checkpoint.txt");
        Files.writeString(cp, new Checkpoint("o", 10, hashes.get(9), "t", "r").sign(key.getPrivate(), pub));
        String b64 = Base64.getEncoder().encodeToString(pub);
        assertEquals(0, run("--entries", file.toString()));
        assertEquals(0, run("--entries", file.toString(), "--checkpoint", cp.toString(), "--key", b64));
        Files.writeString(cp, Files.readString(cp).replace("\n10\n", "\n9\n"));
        assertEquals(1, run("--entries", file.toString(), "--checkpoint", cp.toString(), "--key", b64),
                "a wrong signature fails");
        Files.write(file, lines.subList(0, 9), StandardCharsets.UTF_8);
        Files.writeString(cp, new Checkpoint("o", 10, hashes.get(9), "t", "r").sign(key.getPrivate(), pub));
        assertEquals(1, run("--entries", file.toString(), "--checkpoint", cp.toString(), "--key", b64),
                "a rewound log fails");
        assertEquals(2, run("--entries", file.toString(), "--checkpoint", cp.toString()), "no key: usage");
        assertEquals(2, run("--entries", dir.resolve("nothing.jsonl").toString()));
        assertEquals(2, run());
    }

    private static int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return VerifyAuditCommand.run(args, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
    }
}
