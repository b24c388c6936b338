package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cheap public check and the stored checkpoints over a chain in an in-memory database: what it finds (new
 * entries, rewinds, rows changed since), and what only the full check finds (old entries and rows).
 */
class IncrementalVerifierTest {

    private Connection c;
    private String head = AuditChain.GENESIS;
    private long seq;

    @BeforeEach
    void chain() throws Exception {
        c = DriverManager.getConnection("jdbc:h2:mem:inc" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE audit_entry (seq BIGINT PRIMARY KEY, recorded_at VARCHAR(40), actor VARCHAR(80),"
                    + " action VARCHAR(80), entity_type VARCHAR(60), entity_id VARCHAR(80), before_digest VARCHAR(64),"
                    + " after_digest VARCHAR(64), detail VARCHAR(4000), prev_hash VARCHAR(64), hash VARCHAR(64))");
            st.execute("CREATE TABLE audit_head (id INT PRIMARY KEY, seq BIGINT, hash VARCHAR(64))");
            st.execute("INSERT INTO audit_head VALUES (1, 0, '" + AuditChain.GENESIS + "')");
            st.execute("CREATE TABLE audit_checkpoint (tree_size BIGINT PRIMARY KEY, head_hash VARCHAR(64),"
                    + " signed_at VARCHAR(40), reason VARCHAR(80), note VARCHAR(2000))");
            st.execute("CREATE TABLE cycle (id BIGINT PRIMARY KEY, title VARCHAR(100))");
            BallotTables.create(st);
        }
        for (int i = 1; i <= 5; i++) {
            change("INSERT INTO cycle VALUES (" + i + ", 'Cycle " + i + "')", i);
        }
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    private void change(String sql, long id) throws Exception {
        String before = RowDigest.of(c, "cycle", Long.toString(id));
        exec(sql);
        String after = RowDigest.of(c, "cycle", Long.toString(id));
        seq++;
        String at = "2026-12-06T10:00:00." + (100 + seq) + "Z";
        String hash = AuditChain.hash(head, seq, at, "officer", "cycle.x", "cycle", Long.toString(id), before, after,
                null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            Object[] v = {seq, at, "officer", "cycle.x", "cycle", Long.toString(id), before, after, null, head, hash};
            for (int i = 0; i < v.length; i++) {
                ps.setObject(i + 1, v[i]);
            }
            ps.executeUpdate();
        }
        head = hash;
        exec("UPDATE audit_head SET seq = " + seq + ", hash = '" + hash + "' WHERE id = 1");
    }

    private void exec(String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String hashOf(long s) throws Exception {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT hash FROM audit_entry WHERE seq = " + s)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void validThenOnlyWhatIsNewIsRead() throws Exception {
        IncrementalVerifier v = new IncrementalVerifier();
        assertTrue(v.verify(c).valid());
        assertEquals(5, v.verifiedUpTo());
        change("UPDATE cycle SET title = 'Renamed' WHERE id = 2", 2);
        ChainVerifier.Verdict again = v.verify(c);
        assertTrue(again.valid(), again.toString());
        assertEquals(6, again.entries());
        assertEquals(head, again.head());
    }

    @Test
    void aNewEntryEditedIsFound() throws Exception {
        IncrementalVerifier v = new IncrementalVerifier();
        assertTrue(v.verify(c).valid());
        change("UPDATE cycle SET title = 'Renamed' WHERE id = 2", 2);
        exec("UPDATE audit_entry SET actor = 'someone' WHERE seq = 6");
        ChainVerifier.Verdict bad = v.verify(c);
        assertFalse(bad.valid());
        assertEquals(6L, bad.firstBrokenEntry());
    }

    @Test
    void aRowChangedAfterANewEntryIsFound() throws Exception {
        IncrementalVerifier v = new IncrementalVerifier();
        assertTrue(v.verify(c).valid());
        change("UPDATE cycle SET title = 'Renamed' WHERE id = 2", 2);
        exec("UPDATE cycle SET title = 'Edited behind the app' WHERE id = 2");
        ChainVerifier.Verdict bad = v.verify(c);
        assertFalse(bad.valid());
        assertTrue(bad.problems().get(0).contains("cycle 2 was changed"), bad.problems().toString());
    }

    @Test
    void oldTamperingIsLeftToTheFullCheck() throws Exception {
        IncrementalVerifier v = new IncrementalVerifier();
        assertTrue(v.verify(c).valid());
        exec("UPDATE cycle SET title = 'Edited behind the app' WHERE id = 1");
        exec("UPDATE audit_entry SET detail = 'x' WHERE seq = 3");
        assertTrue(v.verify(c).valid(), "the cheap check does not re-read what it verified (docs/audit.md)");
        ChainVerifier.Verdict full = ChainVerifier.verify(c);
        assertFalse(full.valid());
        assertEquals(1L, full.firstBrokenEntry() > 3 ? -1L : 1L);
        assertTrue(full.problems().toString().contains("cycle 1 was changed"), full.problems().toString());
        assertTrue(full.problems().toString().contains("entry 3 was changed"), full.problems().toString());
    }

    @Test
    void aRewindPastWhatWasVerifiedIsFound() throws Exception {
        IncrementalVerifier v = new IncrementalVerifier();
        assertTrue(v.verify(c).valid());
        rewindTo(3);
        ChainVerifier.Verdict bad = v.verify(c);
        assertFalse(bad.valid());
        assertTrue(bad.problems().get(0).contains("entry 5, verified before, was removed"), bad.problems().toString());
    }

    @Test
    void aRewindIsFoundByAStoredCheckpointAfterARestartAndByAKeptOne() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pub = Checkpoint.raw(key.getPublic());
        String note = new Checkpoint("o", 5, hashOf(5), "2026-12-06T10:00:00Z", "periodic")
                .sign(key.getPrivate(), pub);
        exec("INSERT INTO audit_checkpoint VALUES (5, '" + hashOf(5) + "', '2026-12-06T10:00:00Z', 'periodic', '')");
        Checkpoint kept = Checkpoint.verify(note, pub);
        assertNull(CheckpointVerifier.againstDatabase(c, kept));
        assertTrue(new IncrementalVerifier().verify(c).valid());

        rewindTo(3);
        assertTrue(ChainVerifier.verify(c).valid(), "the chain alone looks fine after a rewind with the head set back");
        ChainVerifier.Verdict fresh = new IncrementalVerifier().verify(c);
        assertFalse(fresh.valid(), "a new server's first check still sees the stored checkpoint");
        assertEquals(4L, fresh.firstBrokenEntry());
        assertFalse(CheckpointVerifier.withStored(c, ChainVerifier.verify(c)).valid(), "the full check too");
        assertTrue(CheckpointVerifier.againstDatabase(c, kept).contains("rewound"));

        exec("DELETE FROM audit_checkpoint");
        assertTrue(new IncrementalVerifier().verify(c).valid(),
                "with the stored checkpoints deleted too, only a checkpoint kept outside proves the rewind");
        assertTrue(CheckpointVerifier.againstDatabase(c, kept).contains("rewound"));
    }

    @Test
    void aServersFirstCheckStartsFromTheLatestCheckpointSignedWithTheLogsKey() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pub = Checkpoint.raw(key.getPublic());
        storeCheckpoint(4, key, pub);
        exec("UPDATE audit_entry SET detail = 'x' WHERE seq = 2");

        ChainVerifier.Verdict fromCheckpoint = new IncrementalVerifier(pub).verify(c);
        assertTrue(fromCheckpoint.valid(), "entries up to the signed checkpoint are not read again: "
                + fromCheckpoint.problems());
        assertEquals(5, fromCheckpoint.entries());
        assertEquals(head, fromCheckpoint.head());
        assertFalse(new IncrementalVerifier().verify(c).valid(), "without the key the first check reads everything");
        assertFalse(ChainVerifier.verify(c).valid(), "and the full check always does");

        // A checkpoint signed with another key (forged into the table) is no starting point: entry 5 is read.
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        storeCheckpoint(5, other, Checkpoint.raw(other.getPublic()));
        exec("UPDATE audit_entry SET detail = 'y' WHERE seq = 5");
        ChainVerifier.Verdict forged = new IncrementalVerifier(pub).verify(c);
        assertFalse(forged.valid());
        assertEquals(5L, forged.firstBrokenEntry());
    }

    @Test
    void aRewindBelowTheSignedCheckpointStillShows() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pub = Checkpoint.raw(key.getPublic());
        storeCheckpoint(3, key, pub);
        storeCheckpoint(5, key, pub);
        rewindTo(4);
        ChainVerifier.Verdict bad = new IncrementalVerifier(pub).verify(c);
        assertFalse(bad.valid(), "the checkpoint of 5 entries is above the start (3) and beyond the head");
        assertEquals(5L, bad.firstBrokenEntry());
    }

    private void storeCheckpoint(long size, KeyPair key, byte[] pub) throws Exception {
        String note = new Checkpoint("o", size, hashOf(size), "2026-12-06T10:00:00Z", "periodic")
                .sign(key.getPrivate(), pub);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, size);
            ps.setString(2, hashOf(size));
            ps.setString(3, "2026-12-06T10:00:00Z");
            ps.setString(4, "periodic");
            ps.setString(5, note);
            ps.executeUpdate();
        }
    }

    @Test
    void aForkAgainstAStoredCheckpointIsFound() throws Exception {
        exec("INSERT INTO audit_checkpoint VALUES (4, '" + "cd".repeat(32) + "', 't', 'periodic', '')");
        ChainVerifier.Verdict bad = new IncrementalVerifier().verify(c);
        assertFalse(bad.valid());
        assertEquals(4L, bad.firstBrokenEntry());
    }

    private void rewindTo(long to) throws Exception {
        exec("DELETE FROM audit_entry WHERE seq > " + to);
        exec("UPDATE audit_head SET seq = " + to + ", hash = '" + hashOf(to) + "' WHERE id = 1");
    }
}
