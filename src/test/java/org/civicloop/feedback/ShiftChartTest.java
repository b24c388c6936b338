package org.civicloop.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.civicloop.deliberation.PreferenceShift;
import org.junit.jupiter.api.Test;

class ShiftChartTest {

    @Test
    void barsCoverEveryAnswerGivenBeforeOrAfterInNumericOrderWithSharesOfEachRound() {
        List<ShiftChart.Chart> charts = ShiftChart.statements(ReportFixtures.shift());
        assertEquals(1, charts.size());
        ShiftChart.Chart c = charts.get(0);
        assertEquals("Street trees are worth their upkeep", c.label());
        assertEquals(List.of("2", "3", "4", "5", "10"), c.bars().stream().map(ShiftChart.Bar::answer).toList(),
                "numeric answers in numeric order, not as text (10 last)");
        ShiftChart.Bar four = c.bars().get(2);
        assertEquals(1, four.before());
        assertEquals(2, four.after());
        assertEquals(17, four.beforePercent(), "1 of 6 answers before");
        assertEquals(33, four.afterPercent(), "2 of 6 answers after");
        ShiftChart.Bar ten = c.bars().get(4);
        assertEquals(0, ten.after(), "an answer nobody gave after still has its (empty) bar");
        assertEquals("+0.7", c.shiftText());
        assertEquals(1, c.groups().size());
    }

    @Test
    void optionChartsShowANegativeShiftWithItsSign() {
        ShiftChart.Chart c = ShiftChart.options(ReportFixtures.shift()).get(0);
        assertEquals("-0.7", c.shiftText());
        assertEquals(83, c.bars().get(0).afterPercent(), "5 of 6 ranked it first after");
        assertEquals(4, c.changed());
    }

    @Test
    void anEmptyShiftHasNoCharts() {
        PreferenceShift empty = new PreferenceShift(7, List.of(), List.of());
        assertTrue(ShiftChart.statements(empty).isEmpty());
        assertTrue(ShiftChart.options(empty).isEmpty());
        assertTrue(ShiftChart.statements(null).isEmpty());
    }
}
