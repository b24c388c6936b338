package org.civicloop.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {

    @Test
    void readingsArePlacedByDateAndValueWithTargetAndBaselineLines() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        Chart c = Chart.of(List.of(new Chart.Point(d, new BigDecimal("33")),
                new Chart.Point(d.plusDays(100), new BigDecimal("45")),
                new Chart.Point(d.plusDays(200), new BigDecimal("39"))), new BigDecimal("33"), new BigDecimal("45"));
        assertEquals("10.0,110.0 150.0,10.0 290.0,60.0", c.polyline());
        assertEquals(110.0, c.baselineY());
        assertEquals(10.0, c.targetY());
        assertEquals("2026-04-11: 45", c.dots().get(1).label());
        assertEquals("33", c.minLabel());
        assertEquals("45", c.maxLabel());
    }

    @Test
    void aSingleReadingSitsInTheMiddleAndNoReadingsDrawNothing() {
        Chart one = Chart.of(List.of(new Chart.Point(LocalDate.of(2026, 1, 1), BigDecimal.TEN)), null, null);
        assertEquals(150.0, one.dots().get(0).x());
        assertNull(one.targetY());
        assertEquals("", Chart.of(List.of(), null, null).polyline());
    }
}
