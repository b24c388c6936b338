package org.civicloop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which entries are published withheld: older residents' entries only; newer ones show exactly what is chained. */
class AuditEntryTest {

    private static AuditEntry entry(long seq, String actor, String action) {
        return new AuditEntry(seq, "2026-12-06T10:00:00Z", actor, action, "cycle", "50", null, null, null,
                "0".repeat(64), "1".repeat(64));
    }

    @Test
    void olderResidentEntriesAreWithheld() {
        for (String action : new String[]{"voting.voted", "voting.ballotChanged", "jury.volunteered", "jury.answered",
                "jury.addressGiven", "measure.trustAnswered", "account.created", "evidence.read"}) {
            assertTrue(entry(10, "resident01", action).isWithheld(100), action);
            assertEquals("(resident)", entry(10, "resident01", action).publicActor(100), action);
        }
    }

    @Test
    void olderStaffEntriesAreShown() {
        assertFalse(entry(10, "officer", "cycle.phaseAdvanced").isWithheld(100));
        assertFalse(entry(10, "officer", "voting.optionDefined").isWithheld(100));
        assertEquals("officer", entry(10, "officer", "cycle.phaseAdvanced").publicActor(100));
    }

    @Test
    void entriesFromTheCutOverShowTheirChainedActor() {
        assertFalse(entry(100, "resident:" + "ab".repeat(16), "voting.voted").isWithheld(100));
        assertEquals("resident:" + "ab".repeat(16), entry(100, "resident:" + "ab".repeat(16), "voting.voted")
                .publicActor(100));
        assertEquals("admin", entry(101, "admin", "account.roleGranted").publicActor(100),
                "staff stay named, whatever the action");
    }
}
