package org.civicloop.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    private static final Instant CLOSED = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void personalDataIsDueExactlyTheConfiguredDaysAfterTheCycleCloses() {
        RetentionRule rule = new RetentionRule(90);
        assertEquals(Instant.parse("2026-05-30T12:00:00Z"), rule.deadline(CLOSED));
        assertFalse(rule.isDue(Optional.of(CLOSED), Instant.parse("2026-05-30T11:59:59Z")), "a second early");
        assertTrue(rule.isDue(Optional.of(CLOSED), Instant.parse("2026-05-30T12:00:00Z")), "at the deadline");
        assertTrue(rule.isDue(Optional.of(CLOSED), Instant.parse("2027-01-01T00:00:00Z")), "long after");
    }

    @Test
    void aCycleThatHasNotClosedIsNeverDue() {
        assertFalse(new RetentionRule(0).isDue(Optional.empty(), Instant.parse("2100-01-01T00:00:00Z")));
    }

    @Test
    void zeroDaysMeansAtClosingAndNegativeDaysAreRefused() {
        assertTrue(new RetentionRule(0).isDue(Optional.of(CLOSED), CLOSED));
        assertThrows(IllegalArgumentException.class, () -> new RetentionRule(-1));
    }
}
