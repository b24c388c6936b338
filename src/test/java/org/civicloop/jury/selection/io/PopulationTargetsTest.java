package org.civicloop.jury.selection.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;
import org.junit.jupiter.api.Test;

class PopulationTargetsTest {

    private static final String AGE = "feature,value,share\nAge,16-29,23.5\nAge,30-44,25\nAge,45-64,31.5\nAge,65+,20\n";

    @Test
    void eachValuesExpectedCountIsRoundedDownAndUpAndWidenedByTheTolerance() throws Exception {
        List<Quota> t = PopulationTargets.derive(new StringReader(AGE), 40, 1).quotas();
        // 23.5% of 40 = 9.4 -> 9..10, widened to 8..11; 25% = 10 exactly -> 9..11; 31.5% = 12.6 -> 11..14; 20% = 8 -> 7..9
        assertEquals(List.of(8, 9, 11, 7), t.stream().map(Quota::min).toList());
        assertEquals(List.of(11, 11, 14, 9), t.stream().map(Quota::max).toList());
    }

    @Test
    void theQuotasAlwaysLeaveRoomForThePanelAndReadBackAsQuotas() throws Exception {
        for (int k = 1; k <= 60; k++) {
            List<Quota> t = PopulationTargets.derive(new StringReader(AGE), k, 0).quotas();
            int mins = t.stream().mapToInt(Quota::min).sum();
            int maxes = t.stream().mapToInt(Quota::max).sum();
            assertTrue(mins <= k && k <= maxes, "k=" + k + " mins=" + mins + " maxes=" + maxes);
        }
        Quotas q = QuotasCsv.read(new StringReader(PopulationTargets.quotasCsv(
                PopulationTargets.derive(new StringReader(AGE), 40, 1))), "derived");
        assertEquals(4, q.quotas().size());
    }

    @Test
    void sharesThatDoNotAddUpOrAreNotNumbersAreRefusedNamingThem() {
        CsvDataException e = assertThrows(CsvDataException.class, () -> PopulationTargets.derive(
                new StringReader("feature,value,share\nAge,young,60\nAge,old,30\nArea,North,abc\n"), 20, 1));
        assertTrue(e.getMessage().contains("Age add up to 90"), e.getMessage());
        assertTrue(e.getMessage().contains("row 4"), e.getMessage());
        assertThrows(CsvDataException.class, () -> PopulationTargets.derive(new StringReader("a,b\n1,2\n"), 20, 1));
    }
}
