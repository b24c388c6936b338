package org.civicloop.deliberation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A round's timer: what every screen counts down from. */
class SessionRoundTimerTest {

    private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private static SessionRound round(int minutes) {
        return new SessionRound(1L, 1, SessionRound.Kind.OPEN_DISCUSSION, "Open discussion", null, minutes, null, null);
    }

    @Test
    void startingSetsTheEndFromThePlannedMinutes() {
        SessionRound r = round(15);
        r.start(T0);
        assertEquals(SessionRound.Status.RUNNING, r.getStatus());
        assertEquals(T0.plusSeconds(900), r.getEndsAt());
        assertTrue(r.isOpen());
    }

    @Test
    void pausingKeepsTheSecondsLeftAndResumingCountsOnFromThem() {
        SessionRound r = round(10);
        r.start(T0);
        r.pause(T0.plusSeconds(240));
        assertEquals(SessionRound.Status.PAUSED, r.getStatus());
        assertEquals(360, r.getRemainingSeconds());
        assertNull(r.getEndsAt(), "a paused timer does not run");
        r.resume(T0.plusSeconds(1000));
        assertEquals(T0.plusSeconds(1360), r.getEndsAt());
        assertNull(r.getRemainingSeconds());
    }

    @Test
    void extendingAddsToTheRunningOrPausedTimerAndRestartsAnExpiredOne() {
        SessionRound r = round(5);
        r.start(T0);
        r.extend(T0.plusSeconds(60), 5);
        assertEquals(T0.plusSeconds(600), r.getEndsAt());
        r.extend(T0.plusSeconds(900), 2);
        assertEquals(T0.plusSeconds(1020), r.getEndsAt(), "an expired timer gets the minutes from now");
        r.pause(T0.plusSeconds(1000));
        r.extend(T0.plusSeconds(1000), 1);
        assertEquals(80, r.getRemainingSeconds());
    }

    @Test
    void finishingOrSkippingStopsTheTimer() {
        SessionRound r = round(5);
        r.start(T0);
        r.finish(T0.plusSeconds(30), SessionRound.Status.SKIPPED);
        assertEquals(SessionRound.Status.SKIPPED, r.getStatus());
        assertFalse(r.isOpen());
        assertNull(r.getEndsAt());
    }
}
