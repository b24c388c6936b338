package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the whole audit chain straight from the database (plain JDBC, so the offline tool runs it too):
 * every entry's hash, the link to the previous entry, the sequence without gaps, the recorded head, and, for every
 * audited row, that the row as stored now still has the digest its latest audit entry recorded.
 */
public final class ChainVerifier {

    /** The verdict. {@code firstBrokenEntry} is the sequence number of the first entry that does not verify. */
    public record Verdict(boolean valid, long entries, String head, Long firstBrokenEntry, List<String> problems) {
    }

    /**
     * The pause before the n-th reading of a broken verdict is n times this many milliseconds: 100, unless the system
     * property {@code civicloop.audit.recheckPauseMillis} says otherwise. The unit tests set it to 0: nothing writes
     * to their databases while they verify, so a verdict that is broken once stays broken, and the pauses (1.4 s per
     * broken verdict) were most of their time.
     */
    static final long RECHECK_PAUSE_MILLIS = Long.getLong("civicloop.audit.recheckPauseMillis", 100L);

    private ChainVerifier() {
    }

    /**
     * Verifies the chain and every audited row. The log is read while the application goes on writing (the audit
     * sequencer chains queued entries every 100 ms, on every server), so one reading can catch an entry committed
     * between reading the entries and the head, or a row changed together with a new entry: a broken verdict is
     * therefore read again, up to five times in all, and only a verdict that stays broken is answered. Tampering
     * stays; a write in progress does not. A second reading that finds the same problems while nothing was being
     * written ({@link #settled}) is final at once.
     */
    public static Verdict verify(Connection c) throws SQLException {
        return readAgainWhileBroken(c, ChainVerifier::verifyOnce);
    }

    /** One reading of the log, for {@link #readAgainWhileBroken}. */
    @FunctionalInterface
    interface Reading {
        Verdict read(Connection c) throws SQLException;
    }

    /**
     * Reads until the verdict is valid, or broken the same way while nothing is being written, or five readings were
     * taken (the pause before the n-th is n times {@link #RECHECK_PAUSE_MILLIS}).
     */
    static Verdict readAgainWhileBroken(Connection c, Reading reading) throws SQLException {
        Verdict verdict = reading.read(c);
        for (int attempt = 2; !verdict.valid() && attempt <= 5; attempt++) {
            try {
                Thread.sleep(RECHECK_PAUSE_MILLIS * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return verdict;
            }
            Verdict again = reading.read(c);
            if (settled(c, verdict, again)) {
                return again;
            }
            verdict = again;
        }
        return verdict;
    }

    /**
     * Whether two broken readings in a row show the log at rest, so that a third would say the same: the same
     * problems over the same entries and head, no entry waiting in the audit queue, and the recorded head still the
     * one both readings saw. A row changed together with its entry shows as a problem only until the entry is
     * chained, and then the entry is in the queue (committed with the row) or the head has moved on; the queue is read
     * before the head, so an entry chained in between moves the head. (A database without a queue table, written by
     * an old version, is never taken as at rest.)
     */
    static boolean settled(Connection c, Verdict first, Verdict second) {
        if (second.valid() || first.entries() != second.entries() || !first.head().equals(second.head())
                || !first.problems().equals(second.problems())) {
            return false;
        }
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_queue")) {
                if (!rs.next() || rs.getLong(1) != 0) {
                    return false;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT hash FROM audit_head WHERE id = 1")) {
                String head = rs.next() ? rs.getString(1) : AuditChain.GENESIS;
                return second.head().equals(head);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** One reading of the chain and every audited row. */
    static Verdict verifyOnce(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        Long firstBroken = null;
        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        // Latest after-digest per audited row: "table#id" -> {seq, digest}
        Map<String, Object[]> latest = new HashMap<>();
        try (EntryCursor rs = new EntryCursor(c, 0)) {
            while (rs.next()) {
                count++;
                long seq = rs.getLong(1);
                String prevHash = rs.getString(10);
                String hash = rs.getString(11);
                String type = rs.getString(5);
                String id = rs.getString(6);
                String recomputed = AuditChain.hash(prevHash, seq, rs.getString(2), rs.getString(3),
                        rs.getString(4), type, id, rs.getString(7), rs.getString(8), rs.getString(9));
                String problem = null;
                if (seq != expectedSeq) {
                    problem = "entry " + expectedSeq + " is missing (next entry found is " + seq + ")";
                } else if (!previous.equals(prevHash)) {
                    problem = "entry " + seq + " does not link to the hash of the entry before it";
                } else if (!recomputed.equals(hash)) {
                    problem = "entry " + seq + " was changed after it was written (its hash does not match)";
                }
                if (problem != null) {
                    problems.add(problem);
                    if (firstBroken == null) {
                        firstBroken = Math.min(seq, expectedSeq);
                    }
                }
                // A note (no digest before or after) says something happened but changes no row: it must not hide
                // the row's last recorded state from the check below.
                if (rs.getString(7) != null || rs.getString(8) != null) {
                    latest.put(type + "#" + id, new Object[]{seq, rs.getString(8), type, id});
                }
                previous = hash;
                expectedSeq = seq + 1;
            }
        }
        long headSeq = 0;
        String headHash = AuditChain.GENESIS;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")) {
            if (rs.next()) {
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
        }
        if (headSeq != expectedSeq - 1 || !headHash.equals(previous)) {
            problems.add("the recorded head (entry " + headSeq + ") does not match the last entry (" + (expectedSeq - 1)
                    + "): entries were removed or added outside the application");
            if (firstBroken == null) {
                firstBroken = Math.min(headSeq, expectedSeq - 1) + 1;
            }
        }
        // Rows changed behind the application's back. When the chain itself is already broken, the first broken
        // entry stays the chain's (a removed entry also leaves its row out of step with the entry before it).
        boolean chainBroken = firstBroken != null;
        for (RowChange changed : changedOutside(c, latest.values())) {
            problems.add(changed.problem());
            if (!chainBroken && (firstBroken == null || changed.entry() < firstBroken)) {
                firstBroken = changed.entry();
            }
        }
        // Ballots and the voter register: rows without an entry, sealed boxes recomputed (BallotBoxCheck).
        for (BallotBoxCheck.Finding f : BallotBoxCheck.check(c)) {
            problems.add(f.problem());
            long seq = f.entry() == null ? Math.max(1, expectedSeq - 1) : f.entry();
            if (!chainBroken && (firstBroken == null || seq < firstBroken)) {
                firstBroken = seq;
            }
        }
        return new Verdict(problems.isEmpty(), count, previous, firstBroken, List.copyOf(problems));
    }

    /** An audited row that no longer has the digest its latest entry recorded: that entry, and what happened. */
    record RowChange(long entry, String problem) {
    }

    /**
     * The audited rows ({@code {seq, digest, table, id}}, each row's latest entry that recorded a digest) that were
     * deleted or changed outside the application since, in the order of those entries. The rows are read a table at a time, a
     * few hundred per query ({@link RowDigest#ofAll}); only a row whose digest differs is looked at again, for a
     * digest recorded before columns were added ({@link AddedColumns}).
     */
    static List<RowChange> changedOutside(Connection c, Collection<Object[]> latest) {
        Map<String, List<String>> idsByTable = new HashMap<>();
        for (Object[] l : latest) {
            if (l[1] != null) {
                idsByTable.computeIfAbsent((String) l[2], t -> new ArrayList<>()).add((String) l[3]);
            }
        }
        Map<String, Map<String, String>> now = new HashMap<>();
        for (Map.Entry<String, List<String>> table : idsByTable.entrySet()) {
            try {
                now.put(table.getKey(), RowDigest.ofAll(c, table.getKey(), table.getValue()));
            } catch (SQLException | IllegalArgumentException e) {
                now.put(table.getKey(), Map.of()); // no such table: every row of it reads as deleted
            }
        }
        List<RowChange> changed = new ArrayList<>();
        for (Object[] l : latest) {
            String digest = (String) l[1];
            if (digest == null) {
                continue;
            }
            String table = (String) l[2];
            String id = (String) l[3];
            String current = now.get(table).get(id);
            if (digest.equals(current) || current != null
                    && AddedColumns.recordedBeforeColumnsWereAdded(c, table, id, digest)) {
                continue;
            }
            changed.add(new RowChange((Long) l[0], table + " " + id + " was " + (current == null ? "deleted" : "changed")
                    + " outside the application after audit entry " + l[0]));
        }
        changed.sort(java.util.Comparator.comparingLong(RowChange::entry));
        return changed;
    }
}
