package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap public check of the audit chain, whatever its length: it remembers the last entry it verified (seq and
 * hash) and on each call reads only what was appended since. It checks that the remembered entry is still there
 * with the same hash (a rewind or a rewrite reaching it shows), recomputes every new entry's hash and link, that
 * the recorded head is the last entry, that every stored signed checkpoint is still in the chain at its position,
 * and that the rows changed by the new entries still have the digest recorded. What it does not re-read each time,
 * old entries and rows audited before the last verification, only the full check ({@link ChainVerifier}, the
 * offline tool) re-reads. The first call starts from the latest stored checkpoint whose signature verifies with the
 * log's public key and whose head is still the entry at its position (or, without one, from the first entry), so
 * that a server's first public check after a start costs what was appended since that checkpoint, not the whole
 * log. Plain JDBC; one instance per server.
 */
public final class IncrementalVerifier {

    private final byte[] publicKeyRaw;
    private long verifiedSeq;
    private String verifiedHash = AuditChain.GENESIS;
    private boolean started;

    /** A verifier whose first call verifies the whole chain. */
    public IncrementalVerifier() {
        this(null);
    }

    /** A verifier whose first call starts from the latest stored checkpoint signed with this Ed25519 key. */
    public IncrementalVerifier(byte[] publicKeyRaw) {
        this.publicKeyRaw = publicKeyRaw == null ? null : publicKeyRaw.clone();
    }

    /** The entry up to which the chain was last found valid (0 before the first valid check). */
    public synchronized long verifiedUpTo() {
        return verifiedSeq;
    }

    /**
     * Checks what was appended since the last valid check; a broken verdict is read again (up to five times, 0.2 to
     * 0.5 s apart, or until it is broken the same way at rest, as in {@link ChainVerifier#verify}) because the log is
     * read while it is being written.
     */
    public synchronized ChainVerifier.Verdict verify(Connection c) throws SQLException {
        if (!started) {
            startFromSignedCheckpoint(c);
            started = true;
        }
        return ChainVerifier.readAgainWhileBroken(c, this::once);
    }

    /**
     * Takes the latest stored checkpoint that is signed with the key and whose head the chain still holds at its
     * position as verified: the entries up to it were verified when it was signed. A stored checkpoint that is not
     * signed with the key, or that the chain no longer holds, is no starting point (the checkpoints above the start
     * are still compared with the chain on every call, so a rewind past them shows).
     */
    private void startFromSignedCheckpoint(Connection c) throws SQLException {
        if (publicKeyRaw == null) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT c.tree_size, c.head_hash, c.note, e.hash"
                + " FROM audit_checkpoint c JOIN audit_entry e ON e.seq = c.tree_size ORDER BY c.tree_size DESC")) {
            st.setMaxRows(20);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long size = rs.getLong(1);
                    String head = rs.getString(2);
                    if (!head.equals(rs.getString(4))) {
                        continue;
                    }
                    Checkpoint signed;
                    try {
                        signed = Checkpoint.verify(rs.getString(3), publicKeyRaw);
                    } catch (IllegalArgumentException notSigned) {
                        continue;
                    }
                    if (signed.size() == size && signed.headHash().equals(head)) {
                        verifiedSeq = size;
                        verifiedHash = head;
                        return;
                    }
                }
            }
        }
    }

    private ChainVerifier.Verdict once(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        long firstBroken = Long.MAX_VALUE;
        long headSeq = 0;
        String headHash = AuditChain.GENESIS;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT seq, hash FROM audit_head WHERE id = 1")) {
            if (rs.next()) {
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
        }
        if (verifiedSeq > 0) {
            String stillThere = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
                ps.setLong(1, verifiedSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        stillThere = rs.getString(1);
                    }
                }
            }
            if (!verifiedHash.equals(stillThere)) {
                problems.add("entry " + verifiedSeq + ", verified before, was " + (stillThere == null ? "removed"
                        : "changed") + ": the log was rewound or rewritten");
                firstBroken = Math.min(firstBroken, verifiedSeq);
            }
        }
        String previous = verifiedHash;
        long expected = verifiedSeq + 1;
        Map<String, Object[]> latest = new HashMap<>();
        try (EntryCursor rs = new EntryCursor(c, verifiedSeq)) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String hash = rs.getString(11);
                String type = rs.getString(5);
                String id = rs.getString(6);
                String problem = null;
                if (seq != expected) {
                    problem = "entry " + expected + " is missing (next entry found is " + seq + ")";
                } else if (!previous.equals(rs.getString(10))) {
                    problem = "entry " + seq + " does not link to the hash of the entry before it";
                } else if (!AuditChain.hash(rs.getString(10), seq, rs.getString(2), rs.getString(3),
                        rs.getString(4), type, id, rs.getString(7), rs.getString(8), rs.getString(9)).equals(hash)) {
                    problem = "entry " + seq + " was changed after it was written (its hash does not match)";
                }
                if (problem != null) {
                    problems.add(problem);
                    firstBroken = Math.min(firstBroken, Math.min(seq, expected));
                }
                if (rs.getString(7) != null || rs.getString(8) != null) {
                    latest.put(type + "#" + id, new Object[]{seq, rs.getString(8), type, id});
                }
                previous = hash;
                expected = seq + 1;
            }
        }
        if (headSeq != expected - 1 || !headHash.equals(previous)) {
            problems.add("the recorded head (entry " + headSeq + ") does not match the last entry (" + (expected - 1)
                    + "): entries were removed or added outside the application");
            firstBroken = Math.min(firstBroken, Math.min(headSeq, expected - 1) + 1);
        }
        for (CheckpointVerifier.Problem p : CheckpointVerifier.stored(c, Math.min(headSeq, expected - 1),
                Math.min(verifiedSeq, Math.min(headSeq, expected - 1)))) {
            problems.add(p.text());
            firstBroken = Math.min(firstBroken, p.entry());
        }
        for (ChainVerifier.RowChange changed : ChainVerifier.changedOutside(c, latest.values())) {
            problems.add(changed.problem());
            firstBroken = Math.min(firstBroken, changed.entry());
        }
        if (problems.isEmpty()) {
            verifiedSeq = expected - 1;
            verifiedHash = previous;
        }
        return new ChainVerifier.Verdict(problems.isEmpty(), expected - 1, previous,
                firstBroken == Long.MAX_VALUE ? null : firstBroken, List.copyOf(problems));
    }
}
