package org.civicloop.audit.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays the public audit log with no database: the pages of {@code GET /api/v1/audit/entries?after=SEQ&max=N}
 * saved as JSON lines (one entry a line, in order from seq 1). Every entry's hash is recomputed from its public
 * fields, every link to the entry before and every sequence number checked; optionally, each given checkpoint's
 * head must be the hash of the entry at its position. Entries written before residents were pseudonymised
 * ({@code "withheld": true}) publish only their links: their hashes are bound by the chain but cannot be recomputed.
 * Reads line by line, so a log of millions of entries needs little memory.
 */
public final class EntriesFileVerifier {

    public record Verdict(boolean valid, long entries, long recomputed, long withheld, String head,
                          Long firstBrokenEntry, List<String> problems) {
    }

    private static final int MAX_PROBLEMS = 20;

    private EntriesFileVerifier() {
    }

    public static Verdict verify(BufferedReader in, List<Checkpoint> checkpoints) throws IOException {
        List<String> problems = new ArrayList<>();
        Long firstBroken = null;
        String previous = AuditChain.GENESIS;
        long expected = 1;
        long count = 0;
        long recomputed = 0;
        long withheld = 0;
        long lineNo = 0;
        String[] atCheckpoint = new String[checkpoints.size()];
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> e;
            long seq;
            try {
                e = FlatJson.parse(line);
                seq = Long.parseLong(required(e, "seq"));
                required(e, "hash");
                required(e, "prevHash");
            } catch (IllegalArgumentException ex) {
                problems.add("line " + lineNo + " is not an audit entry: " + ex.getMessage());
                if (firstBroken == null) {
                    firstBroken = expected;
                }
                break;
            }
            count++;
            String hash = e.get("hash");
            String problem = null;
            if (seq != expected) {
                problem = seq > expected ? "entry " + expected + " is missing (line " + lineNo + " holds entry " + seq
                        + ")" : "entry " + seq + " is out of order (line " + lineNo + ", entry " + expected
                        + " expected)";
            } else if (!previous.equals(e.get("prevHash"))) {
                problem = "entry " + seq + " does not link to the hash of the entry before it";
            } else if ("true".equals(e.get("withheld"))) {
                withheld++;
            } else {
                String again = AuditChain.hash(e.get("prevHash"), seq, e.get("recordedAt"), e.get("actor"),
                        e.get("action"), e.get("entityType"), e.get("entityId"), e.get("beforeDigest"),
                        e.get("afterDigest"), e.get("detail"));
                if (again.equals(hash)) {
                    recomputed++;
                } else {
                    problem = "entry " + seq + " does not recompute (its fields do not give its hash)";
                }
            }
            if (problem != null) {
                if (firstBroken == null) {
                    firstBroken = Math.min(seq, expected);
                }
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                }
            }
            for (int k = 0; k < checkpoints.size(); k++) {
                if (checkpoints.get(k).size() == seq) {
                    atCheckpoint[k] = hash;
                }
            }
            previous = hash;
            expected = Math.max(expected, seq) + 1;
        }
        if (count == 0) {
            problems.add("the file holds no entries");
        }
        for (int k = 0; k < checkpoints.size(); k++) {
            String p = CheckpointVerifier.compare(checkpoints.get(k), expected - 1, atCheckpoint[k]);
            if (p != null) {
                problems.add(p);
                if (firstBroken == null) {
                    firstBroken = Math.min(checkpoints.get(k).size(), expected);
                }
            }
        }
        return new Verdict(problems.isEmpty(), count, recomputed, withheld, previous, firstBroken,
                List.copyOf(problems));
    }

    private static String required(Map<String, String> e, String field) {
        String v = e.get(field);
        if (v == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return v;
    }
}
