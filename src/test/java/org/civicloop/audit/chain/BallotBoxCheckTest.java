package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ballots and register rows inside the tamper evidence: inserted, edited and deleted rows are found in an open vote
 * (entry by entry) and in a sealed one (the seal's Merkle root and counts recomputed).
 */
class BallotBoxCheckTest {

    private Connection c;
    private String head = AuditChain.GENESIS;
    private long seq;

    @BeforeEach
    void aVoteWithTwoBallots() throws Exception {
        c = DriverManager.getConnection("jdbc:h2:mem:box" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE audit_entry (seq BIGINT PRIMARY KEY, recorded_at VARCHAR(40), actor VARCHAR(80),"
                    + " action VARCHAR(80), entity_type VARCHAR(60), entity_id VARCHAR(80), before_digest VARCHAR(64),"
                    + " after_digest VARCHAR(64), detail VARCHAR(4000), prev_hash VARCHAR(64), hash VARCHAR(64))");
            st.execute("CREATE TABLE audit_head (id INT PRIMARY KEY, seq BIGINT, hash VARCHAR(64))");
            st.execute("INSERT INTO audit_head VALUES (1, 0, '" + AuditChain.GENESIS + "')");
            BallotTables.create(st);
        }
        cast(11, 101, "R-AAAA", "PARK,LIB");
        cast(12, 102, "R-BBBB", "LIB");
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    private void cast(long account, long ballot, String receipt, String ranking) throws Exception {
        sql("INSERT INTO voter_register VALUES (5, 'JURY', " + account + ", " + (1000 + account) + ", 'salt')");
        append("voter" + account, "voting.voted", "voter_register", 1000 + account, null);
        sql("INSERT INTO ballot (id, cycle_id, channel, receipt, ranking, salt) VALUES (" + ballot + ", 5, 'JURY', '"
                + receipt + "', '" + ranking + "', 'salt')");
        append("(ballot box)", "voting.ballotCast", "ballot", ballot, null);
    }

    private void seal() throws Exception {
        MerkleTree tree = BallotLeaf.tree(List.of(new BallotLeaf.Entry("R-AAAA", "JURY", "PARK,LIB"),
                new BallotLeaf.Entry("R-BBBB", "JURY", "LIB")));
        append("officer", "voting.ballotBoxSealed", "cycle", 5,
                "channel=JURY; ballots=2; root=" + tree.rootHex() + "; register=2");
    }

    private void append(String actor, String action, String type, long id, String detail) throws Exception {
        String after = detail != null ? null : RowDigest.of(c, type, Long.toString(id));
        seq++;
        String hash = AuditChain.hash(head, seq, "t", actor, action, type, Long.toString(id), null, after, detail);
        try (var ps = c.prepareStatement("INSERT INTO audit_entry VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            Object[] v = {seq, "t", actor, action, type, Long.toString(id), null, after, detail, head, hash};
            for (int i = 0; i < v.length; i++) {
                ps.setObject(i + 1, v[i]);
            }
            ps.executeUpdate();
        }
        head = hash;
        sql("UPDATE audit_head SET seq = " + seq + ", hash = '" + hash + "'");
    }

    private void sql(String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private ChainVerifier.Verdict verify() throws Exception {
        return ChainVerifier.verify(c);
    }

    private static void broken(ChainVerifier.Verdict v, String says) {
        assertFalse(v.valid(), v.toString());
        assertTrue(v.problems().stream().anyMatch(p -> p.contains(says)), v.problems() + " should say " + says);
        assertTrue(v.firstBrokenEntry() != null, v.toString());
    }

    @Test
    void anUntouchedVoteVerifiesOpenAndSealed() throws Exception {
        assertTrue(verify().valid(), verify().toString());
        seal();
        assertTrue(verify().valid(), verify().toString());
    }

    @Test
    void inAnOpenVoteAnEditedBallotIsNamed() throws Exception {
        sql("UPDATE ballot SET ranking = 'LIB,PARK' WHERE id = 101");
        broken(verify(), "ballot 101 was changed");
    }

    @Test
    void inAnOpenVoteADeletedBallotIsNamed() throws Exception {
        sql("DELETE FROM ballot WHERE id = 102");
        broken(verify(), "ballot 102 was deleted");
    }

    @Test
    void inAnOpenVoteAnInsertedBallotIsNamed() throws Exception {
        sql("INSERT INTO ballot (id, cycle_id, channel, receipt, ranking) VALUES (103, 5, 'JURY', 'R-CCCC', 'PARK')");
        ChainVerifier.Verdict v = verify();
        broken(v, "ballot 103 (cycle 5, jury) has no audit entry");
        assertEquals(seq, v.firstBrokenEntry(), "no entry names an inserted row: the head is the first that misses it");
    }

    @Test
    void inAnOpenVoteRegisterInsertsAndDeletesAreNamed() throws Exception {
        sql("INSERT INTO voter_register VALUES (5, 'JURY', 13, NULL, NULL)");
        broken(verify(), "voter_register without id (cycle 5, jury) has no audit entry");
        sql("DELETE FROM voter_register WHERE account_id = 13");
        sql("DELETE FROM voter_register WHERE account_id = 12");
        broken(verify(), "voter_register 1012 was deleted");
    }

    @Test
    void inASealedVoteEveryKindOfChangeNamesTheSeal() throws Exception {
        seal();
        long sealEntry = seq;
        sql("UPDATE ballot SET ranking = 'PARK' WHERE id = 102");
        ChainVerifier.Verdict v = verify();
        broken(v, "no longer matches its seal (audit entry " + sealEntry + "): its Merkle root is now");
        sql("UPDATE ballot SET ranking = 'LIB' WHERE id = 102");
        assertTrue(verify().valid(), "restored");

        sql("INSERT INTO ballot (id, cycle_id, channel, receipt, ranking) VALUES (103, 5, 'JURY', 'R-CCCC', 'PARK')");
        broken(verify(), "2 ballots were sealed, 3 are stored");
        sql("DELETE FROM ballot WHERE id = 103");

        sql("UPDATE ballot SET superseded = TRUE WHERE id = 101");
        broken(verify(), "2 ballots were sealed, 1 are stored");
        sql("UPDATE ballot SET superseded = FALSE WHERE id = 101");

        sql("DELETE FROM voter_register WHERE account_id = 11");
        broken(verify(), "holds 1 people, but 2 were sealed (audit entry " + sealEntry + ")");
        sql("INSERT INTO voter_register VALUES (5, 'JURY', 11, 1011, 'salt')");
        assertTrue(verify().valid(), "restored: " + verify());
    }

    @Test
    void aRowWhoseEntryWaitsInTheQueueIsCoveredUnlessItChanged() throws Exception {
        sql("INSERT INTO ballot (id, cycle_id, channel, receipt, ranking) VALUES (104, 5, 'JURY', 'R-DDDD', 'PARK')");
        sql("INSERT INTO audit_queue VALUES (1, 'ballot', '104', '" + RowDigest.of(c, "ballot", "104") + "')");
        assertTrue(verify().valid(), verify().toString());
        sql("UPDATE ballot SET ranking = 'LIB' WHERE id = 104");
        broken(verify(), "ballot 104 was changed outside the application while its audit entry waited");
    }

    @Test
    void aBoxSealedBeforeBallotsHadEntriesIsHeldToItsDigest() throws Exception {
        sql("DELETE FROM audit_entry");
        seq = 0;
        head = AuditChain.GENESIS;
        sql("UPDATE audit_head SET seq = 0, hash = '" + head + "'");
        String digest = AuditChain.sha256Hex("R-AAAA:PARK,LIB\nR-BBBB:LIB");
        append("officer", "voting.ballotBoxSealed", "cycle", 5, "channel=JURY; ballots=2; sha256=" + digest);
        assertTrue(verify().valid(), verify().toString());
        sql("UPDATE ballot SET ranking = 'PARK' WHERE id = 102");
        broken(verify(), "a ranking or receipt was changed");
    }

    /** A district budget's box (budget 77, "old-town"): its own register, ballots and seal beside the jury's. */
    private void districtBoxSealed() throws Exception {
        sql("INSERT INTO budget_register (budget_id, account_id, id, salt) VALUES (77, 11, 2011, 'salt')");
        append("voter11", "voting.voted", "budget_register", 2011, null);
        sql("INSERT INTO ballot (id, cycle_id, channel, receipt, ranking, salt, budget_id) VALUES (201, 5,"
                + " 'RESIDENTS', 'R-DDDD', 'OT1,OT2', 'salt', 77)");
        append("(ballot box)", "voting.ballotCast", "ballot", 201, null);
        seal();
        MerkleTree tree = BallotLeaf.tree(List.of(new BallotLeaf.Entry("R-DDDD", "RESIDENTS", "OT1,OT2")));
        append("officer", "voting.ballotBoxSealed", "cycle", 5, "channel=RESIDENTS; budget=old-town; budgetId=77;"
                + " ballots=1; root=" + tree.rootHex() + "; register=1");
    }

    @Test
    void aDistrictBudgetsBoxIsSealedAndCheckedOnItsOwn() throws Exception {
        districtBoxSealed();
        assertTrue(verify().valid(), "the jury's box holds no district ballot, the district's its own: " + verify());
        // A ballot slipped into the district's box (with an entry of its own, so only the seal can tell).
        sql("INSERT INTO ballot (id, cycle_id, channel, receipt, ranking, salt, budget_id) VALUES (202, 5,"
                + " 'RESIDENTS', 'R-EEEE', 'OT2', 'salt', 77)");
        append("(ballot box)", "voting.ballotCast", "ballot", 202, null);
        broken(verify(), "the residents ballot box (budget old-town) of cycle 5 no longer matches its seal");
    }

    @Test
    void aDistrictRegisterRowInsertedOutsideTheApplicationIsNamed() throws Exception {
        districtBoxSealed();
        sql("INSERT INTO budget_register (budget_id, account_id, id, salt) VALUES (77, 12, 2012, 'salt')");
        ChainVerifier.Verdict v = verify();
        broken(v, "budget_register 2012 (district budget#77, residents) has no audit entry");
        broken(v, "the residents voter register (budget old-town) of cycle 5 holds 2 people, but 1 were sealed");
    }
}
