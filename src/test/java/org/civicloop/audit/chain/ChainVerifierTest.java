package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier over a small chain in an in-memory database, written the way the application writes it. */
class ChainVerifierTest {

    private Connection c;
    private String head = AuditChain.GENESIS;
    private long seq;

    @BeforeEach
    void chainOfFiveEntriesOverTwoRows() throws Exception {
        c = DriverManager.getConnection("jdbc:h2:mem:chain" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE audit_entry (seq BIGINT PRIMARY KEY, recorded_at VARCHAR(40), actor VARCHAR(80),"
                    + " action VARCHAR(80), entity_type VARCHAR(60), entity_id VARCHAR(80), before_digest VARCHAR(64),"
                    + " after_digest VARCHAR(64), detail VARCHAR(4000), prev_hash VARCHAR(64), hash VARCHAR(64))");
            BallotTables.create(st);
            st.execute("CREATE TABLE audit_head (id INT PRIMARY KEY, seq BIGINT, hash VARCHAR(64))");
            st.execute("INSERT INTO audit_head VALUES (1, 0, '" + AuditChain.GENESIS + "')");
            st.execute("CREATE TABLE cycle (id BIGINT PRIMARY KEY, title VARCHAR(100), phase VARCHAR(20))");
        }
        change("INSERT INTO cycle VALUES (1, 'Trees', 'AUTHORISE')", "cycle.opened", 1);
        change("INSERT INTO cycle VALUES (2, 'Bins', 'AUTHORISE')", "cycle.opened", 2);
        change("UPDATE cycle SET phase = 'RECRUIT' WHERE id = 1", "cycle.phaseAdvanced", 1);
        change("UPDATE cycle SET title = 'Street trees' WHERE id = 1", "cycle.mandateEdited", 1);
        change("UPDATE cycle SET phase = 'RECRUIT' WHERE id = 2", "cycle.phaseAdvanced", 2);
    }

    private void change(String sql, String action, long id) throws Exception {
        change(sql, action, "cycle", Long.toString(id));
    }

    private void change(String sql, String action, String table, String id) throws Exception {
        String before = sql == null ? null : RowDigest.of(c, table, id);
        if (sql != null) {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
        String after = sql == null ? null : RowDigest.of(c, table, id);
        seq++;
        String at = "2026-11-23T10:00:0" + seq + "Z";
        String hash = AuditChain.hash(head, seq, at, "officer", action, table, id, before, after, null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            Object[] v = {seq, at, "officer", action, table, id, before, after, null, head, hash};
            for (int i = 0; i < v.length; i++) {
                ps.setObject(i + 1, v[i]);
            }
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute("UPDATE audit_head SET seq = " + seq + ", hash = '" + hash + "' WHERE id = 1");
        }
        head = hash;
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    private void exec(String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void anUntouchedChainVerifies() throws Exception {
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertTrue(v.valid(), v.problems().toString());
        assertEquals(5, v.entries());
        assertEquals(head, v.head());
        assertNull(v.firstBrokenEntry());
    }

    @Test
    void aRowNamedByItsReferenceIsCheckedLikeAnyOther() throws Exception {
        exec("CREATE TABLE account (id BIGINT PRIMARY KEY, username VARCHAR(40), roles VARCHAR(40),"
                + " audit_ref VARCHAR(32))");
        change("INSERT INTO account VALUES (7, 'resident07', 'RESIDENT', '0f1e2d3c')", "account.created", "account",
                RowDigest.REF + "0f1e2d3c");
        ChainVerifier.Verdict untouched = ChainVerifier.verify(c);
        assertTrue(untouched.valid(), untouched.problems().toString());

        exec("UPDATE account SET roles = 'RESIDENT,OFFICER' WHERE id = 7");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(List.of("account ref:0f1e2d3c was changed outside the application after audit entry 6"),
                v.problems());
        exec("DELETE FROM account WHERE id = 7");
        assertEquals(List.of("account ref:0f1e2d3c was deleted outside the application after audit entry 6"),
                ChainVerifier.verify(c).problems());
    }

    /** The rows are read a few hundred per query: a changed or deleted row is found in any of them. */
    @Test
    void amongMoreRowsThanOneQueryReadsEachChangedOrDeletedRowIsNamed() throws Exception {
        for (long id = 3; id <= 1203; id++) {
            change("INSERT INTO cycle VALUES (" + id + ", 'Cycle " + id + "', 'AUTHORISE')", "cycle.opened", id);
        }
        ChainVerifier.Verdict untouched = ChainVerifier.verify(c);
        assertTrue(untouched.valid(), untouched.problems().toString());

        exec("UPDATE cycle SET title = 'Moved money' WHERE id = 1102");
        exec("DELETE FROM cycle WHERE id = 603");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(List.of("cycle 603 was deleted outside the application after audit entry 606",
                        "cycle 1102 was changed outside the application after audit entry 1105"),
                v.problems());
        assertEquals(606L, v.firstBrokenEntry());
    }

    @Test
    void anEditedEntryIsTheFirstBrokenOne() throws Exception {
        exec("UPDATE audit_entry SET actor = 'someone else' WHERE seq = 3");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(3L, v.firstBrokenEntry());
    }

    @Test
    void aDeletedMiddleEntryIsNamed() throws Exception {
        exec("DELETE FROM audit_entry WHERE seq = 2");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(2L, v.firstBrokenEntry());
        assertTrue(v.problems().get(0).contains("entry 2 is missing"), v.problems().toString());
    }

    @Test
    void aDeletedLastEntryShowsAgainstTheHead() throws Exception {
        exec("DELETE FROM audit_entry WHERE seq = 5");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(5L, v.firstBrokenEntry(), v.problems().toString());
    }

    @Test
    void aRowEditedBehindTheApplicationsBackIsTracedToItsLatestEntry() throws Exception {
        exec("UPDATE cycle SET title = 'Bins and recycling' WHERE id = 2");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(5L, v.firstBrokenEntry());
        assertTrue(v.problems().get(0).contains("cycle 2 was changed"), v.problems().toString());
        exec("UPDATE cycle SET title = 'Bins' WHERE id = 2");
        assertTrue(ChainVerifier.verify(c).valid(), "back as recorded");
    }

    @Test
    void aNoteAboutARowDoesNotHideItsLastRecordedState() throws Exception {
        change(null, "voting.voted", 2);
        exec("UPDATE cycle SET title = 'Bins and recycling' WHERE id = 2");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(5L, v.firstBrokenEntry(), v.problems().toString());
    }

    /**
     * An upgrade whose migration adds a column to an audited table changes the digest of every row audited before
     * it; that must not read as tampering, while a change to the new column or an old one still does.
     */
    @Test
    void aColumnAddedByAMigrationIsNoTamperingButChangesAfterItStillAre() throws Exception {
        exec("ALTER TABLE cycle ADD COLUMN ballot_changeable BOOLEAN DEFAULT FALSE NOT NULL");
        ChainVerifier.Verdict upgraded = ChainVerifier.verify(c);
        assertTrue(upgraded.valid(), upgraded.problems().toString());

        change("UPDATE cycle SET ballot_changeable = TRUE WHERE id = 1", "cycle.mandateEdited", 1);
        ChainVerifier.Verdict audited = ChainVerifier.verify(c);
        assertTrue(audited.valid(), "a change recorded after the upgrade: " + audited.problems());

        exec("UPDATE cycle SET ballot_changeable = TRUE WHERE id = 2");
        ChainVerifier.Verdict newColumn = ChainVerifier.verify(c);
        assertFalse(newColumn.valid());
        assertEquals(List.of("cycle 2 was changed outside the application after audit entry 5"),
                newColumn.problems());

        exec("UPDATE cycle SET ballot_changeable = FALSE WHERE id = 2");
        assertTrue(ChainVerifier.verify(c).valid(), "back to what the migration gave it");
        exec("UPDATE cycle SET title = 'Wheelie bins' WHERE id = 2");
        ChainVerifier.Verdict oldColumn = ChainVerifier.verify(c);
        assertEquals(List.of("cycle 2 was changed outside the application after audit entry 5"),
                oldColumn.problems());
    }

    @Test
    void aDeletedRowIsDetected() throws Exception {
        exec("DELETE FROM cycle WHERE id = 1");
        ChainVerifier.Verdict v = ChainVerifier.verify(c);
        assertFalse(v.valid());
        assertEquals(4L, v.firstBrokenEntry());
        assertTrue(v.problems().get(0).contains("cycle 1 was deleted"), v.problems().toString());
    }

    /**
     * A broken verdict is read again: found broken the same way twice while nothing waits in the audit queue and the
     * head has not moved, it is final after two readings; while an entry waits in the queue (a change whose entry is
     * about to be chained), it is read up to five times; and a reading that comes out valid is answered at once.
     */
    @Test
    void aBrokenVerdictIsFinalAtRestAndReadAgainWhileEntriesWait() throws Exception {
        exec("UPDATE cycle SET title = 'Moved money' WHERE id = 2");
        int[] readings = {0};
        ChainVerifier.Reading counted = conn -> {
            readings[0]++;
            return ChainVerifier.verifyOnce(conn);
        };
        ChainVerifier.Verdict atRest = ChainVerifier.readAgainWhileBroken(c, counted);
        assertFalse(atRest.valid());
        assertEquals(2, readings[0], "broken the same way twice, nothing being written");

        exec("INSERT INTO audit_queue (id, entity_type, entity_id, after_digest) VALUES (1, 'cycle', '2', NULL)");
        readings[0] = 0;
        assertFalse(ChainVerifier.readAgainWhileBroken(c, counted).valid());
        assertEquals(5, readings[0], "an entry waiting to be chained may still explain the change");
        exec("DELETE FROM audit_queue");

        readings[0] = 0;
        ChainVerifier.Reading repairedMeanwhile = conn -> {
            if (++readings[0] == 2) {
                try (Statement st = conn.createStatement()) {
                    st.execute("UPDATE cycle SET title = 'Bins' WHERE id = 2");
                }
            }
            return ChainVerifier.verifyOnce(conn);
        };
        assertTrue(ChainVerifier.readAgainWhileBroken(c, repairedMeanwhile).valid());
        assertEquals(2, readings[0]);
    }
}
