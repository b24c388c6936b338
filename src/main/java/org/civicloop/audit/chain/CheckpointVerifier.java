package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the audit chain still holds a checkpoint's head at its position: the entry whose seq is the
 * checkpoint's size must exist and have the checkpoint's head hash. Together with a chain that verifies (every
 * link recomputed), this proves that the log was only appended to since the checkpoint was signed: a rewind
 * (newest entries deleted, the head set back), a fork or rewritten history all fail here. Plain JDBC.
 */
public final class CheckpointVerifier {

    /** A problem found with the first entry it concerns. */
    public record Problem(long entry, String text) {
    }

    private CheckpointVerifier() {
    }

    /**
     * Null when the chain, whose last entry is {@code lastSeq}, holds {@code hashAtSize} at the checkpoint's
     * position and that is the checkpoint's head; else the problem in words.
     */
    public static String compare(Checkpoint c, long lastSeq, String hashAtSize) {
        if (lastSeq < c.size()) {
            return "the chain ends at entry " + lastSeq + " but the checkpoint signed at " + c.time() + " covers "
                    + c.size() + " entries: the log was rewound (entries removed after the checkpoint)";
        }
        if (hashAtSize == null) {
            return "entry " + c.size() + " of the checkpoint is missing from the chain";
        }
        if (!hashAtSize.equals(c.headHash())) {
            return "entry " + c.size() + " has another hash than the checkpoint signed at " + c.time()
                    + ": the history up to it was rewritten (a fork)";
        }
        return null;
    }

    /** The checkpoint against the chain in a database. */
    public static String againstDatabase(Connection connection, Checkpoint c) throws SQLException {
        long last = 0;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(seq) FROM audit_entry")) {
            if (rs.next()) {
                last = rs.getLong(1);
            }
        }
        String hash = null;
        try (PreparedStatement ps = connection.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, c.size());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(1);
                }
            }
        }
        return compare(c, last, hash);
    }

    /**
     * The checkpoints this server signed and stored, against the chain whose head is {@code headSeq}: any stored
     * checkpoint beyond the head shows a rewind, any whose head is not the entry at its position a rewritten
     * history. (A rewinding administrator can delete stored checkpoints too: only a checkpoint kept outside the
     * database proves a rewind for sure.)
     */
    public static List<Problem> stored(Connection connection, long headSeq) throws SQLException {
        return stored(connection, headSeq, 0);
    }

    /**
     * Like {@link #stored(Connection, long)} for the checkpoints of a size above {@code above} only (the public
     * check passes the entry it verified last, so that its cost does not grow with the number of checkpoints; any
     * checkpoint beyond the head is always above it).
     */
    public static List<Problem> stored(Connection connection, long headSeq, long above) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT c.tree_size, c.head_hash, c.signed_at, e.hash"
                + " FROM audit_checkpoint c LEFT JOIN audit_entry e ON e.seq = c.tree_size WHERE c.tree_size > ?"
                + " ORDER BY c.tree_size")) {
            st.setLong(1, above);
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                long size = rs.getLong(1);
                String signedAt = rs.getString(3);
                String entryHash = rs.getString(4);
                if (size > headSeq) {
                    problems.add(new Problem(headSeq + 1, "the chain's head is entry " + headSeq + " but a checkpoint"
                            + " signed at " + signedAt + " covers " + size + " entries: the log was rewound"));
                } else if (entryHash == null) {
                    problems.add(new Problem(size, "entry " + size + " of the checkpoint signed at " + signedAt
                            + " is missing"));
                } else if (!entryHash.equals(rs.getString(2))) {
                    problems.add(new Problem(size, "entry " + size + " has another hash than the checkpoint signed at "
                            + signedAt + ": history was rewritten"));
                }
            }
        }
        return problems;
    }

    /**
     * A full verdict ({@link ChainVerifier}) with the stored checkpoints checked too: problems are added and the
     * first broken entry is the earliest of both.
     */
    public static ChainVerifier.Verdict withStored(Connection connection, ChainVerifier.Verdict v)
            throws SQLException {
        List<Problem> more = stored(connection, v.entries());
        if (more.isEmpty()) {
            return v;
        }
        List<String> problems = new ArrayList<>(v.problems());
        Long first = v.firstBrokenEntry();
        for (Problem p : more) {
            problems.add(p.text());
            first = first == null ? p.entry() : Math.min(first, p.entry());
        }
        return new ChainVerifier.Verdict(false, v.entries(), v.head(), first, List.copyOf(problems));
    }
}
