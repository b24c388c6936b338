package org.civicloop.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.deliberation.PreferenceShift;
import org.civicloop.deliberation.PreferenceShift.ItemShift;
import org.junit.jupiter.api.Test;

class EngagementMetricsTest {

    @Test
    void representativenessGapIsTheMeanDistanceFromTheQuotaMidpointsInPoints() {
        // Panel of 6: band 2-4 has target 3/6 = 50%. Jury 4/6 = 66.7% (16.7 off), 2/6 = 33.3% (16.7 off),
        // 3/6 and 3/6 exactly on target: mean 8.33 points.
        List<EngagementMetrics.QuotaLine> lines = List.of(
                new EngagementMetrics.QuotaLine("age", "16-39", 2, 4, 4),
                new EngagementMetrics.QuotaLine("age", "40+", 2, 4, 2),
                new EngagementMetrics.QuotaLine("area", "North", 2, 4, 3),
                new EngagementMetrics.QuotaLine("area", "South", 2, 4, 3));
        assertEquals(8.3, EngagementMetrics.representativenessGap(lines, 6));
        assertEquals(0, EngagementMetrics.quotaBreaches(lines));
        assertEquals(1, EngagementMetrics.quotaBreaches(List.of(new EngagementMetrics.QuotaLine("a", "b", 2, 4, 5))));
        assertNull(EngagementMetrics.representativenessGap(List.of(), 6), "no quotas: not recorded");
        assertNull(EngagementMetrics.representativenessGap(lines, 0), "no jury: not recorded");
    }

    @Test
    void repeatShareCountsParticipantsSeenInAnotherCycle() {
        assertEquals(50.0, EngagementMetrics.repeatShare(Set.of(1L, 2L, 3L, 4L), Set.of(2L, 4L, 9L)));
        assertEquals(0.0, EngagementMetrics.repeatShare(Set.of(1L), Set.of()));
        assertNull(EngagementMetrics.repeatShare(Set.of(), Set.of(1L)));
    }

    @Test
    void preferenceShiftIsWeightedByRespondentsAndEmptyMeansNotRecorded() {
        assertNull(EngagementMetrics.preferenceShift(new PreferenceShift(7, List.of(), List.of())));
        // Statement: 10 answered both times, mean moved +0.5, 4 changed. Option A: 6 answered, mean moved -1.0,
        // 3 changed. Weighted mean |shift| = (0.5*10 + 1.0*6) / 16 = 0.6875; changed = 7/16 = 43.75%.
        ItemShift statement = new ItemShift("s1", "Trees first", Map.of("3", 10), Map.of("4", 5, "3", 5), 3.0, 3.5,
                0.5, 10, 4, List.of());
        ItemShift option = new ItemShift("A", "Crossings", Map.of("1", 6), Map.of("2", 6), 1.0, 2.0, -1.0, 6, 3,
                List.of());
        EngagementMetrics.ShiftSummary s = EngagementMetrics.preferenceShift(
                new PreferenceShift(7, List.of(statement), List.of(option)));
        assertEquals(0.69, s.meanAbsoluteShift());
        assertEquals(43.8, s.changedShare());
        assertEquals(16, s.answers());
    }

    @Test
    void adoptionCountsAdoptedAndModifiedAgainstAllRecommendations() {
        EngagementMetrics.Adoption a = EngagementMetrics.adoption(
                Arrays.asList("ADOPTED", "MODIFIED", "REJECTED", null));
        assertEquals(4, a.recommendations());
        assertEquals(1, a.adopted());
        assertEquals(1, a.modified());
        assertEquals(3, a.answered());
        assertEquals(50.0, a.adoptedOrModifiedShare());
        assertNull(EngagementMetrics.adoption(List.of()).adoptedOrModifiedShare());
    }

    @Test
    void feedbackTimingComparesDaysTakenWithDaysPromised() {
        LocalDate decided = LocalDate.of(2026, 3, 1);
        EngagementMetrics.FeedbackTiming t = EngagementMetrics.feedbackTiming(decided, LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 3, 21));
        assertEquals(20, t.daysTaken());
        assertEquals(30, t.daysPromised());
        assertEquals(-10, t.daysLate(), "ten days early");
        assertEquals(5, EngagementMetrics.feedbackTiming(decided, LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 5)).daysLate());
        assertNull(EngagementMetrics.feedbackTiming(decided, LocalDate.of(2026, 3, 31), null), "no report yet");
    }

    @Test
    void costPerParticipantAndTrust() {
        assertEquals(1050.0, EngagementMetrics.costPerParticipant(6300, 6));
        assertEquals(33.33, EngagementMetrics.costPerParticipant(100, 3));
        assertNull(EngagementMetrics.costPerParticipant(100, 0));
        EngagementMetrics.TrustSummary t = EngagementMetrics.trust(List.of(
                new EngagementMetrics.TrustPoint(4, 5, true), new EngagementMetrics.TrustPoint(2, 3, false),
                new EngagementMetrics.TrustPoint(5, 4, true)));
        assertEquals(3, t.answers());
        assertEquals(3.67, t.meanTrust());
        assertEquals(4.0, t.meanHeard());
        assertEquals(66.7, t.againShare());
        assertEquals(66.7, t.trustingShare());
        assertNull(EngagementMetrics.trust(List.of()).meanTrust());
    }
}
