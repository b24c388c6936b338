package org.civicloop.deliberation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableAllocatorTest {

    private static List<TableAllocator.Juror> jury(int n) {
        List<TableAllocator.Juror> jurors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jurors.add(new TableAllocator.Juror(100 + i, Map.of("age", i % 2 == 0 ? "16-39" : "40+",
                    "area", i % 4 < 2 ? "North" : "South")));
        }
        return jurors;
    }

    @Test
    void everyJurorSitsAtExactlyOneTableAndSizesDifferByAtMostOne() {
        List<TableAllocator.Juror> jurors = jury(23);
        TableAllocator.Seating s = TableAllocator.allocate(jurors, 4, List.of(), 1);
        assertEquals(4, s.tables().size());
        Set<Long> seen = new HashSet<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (List<Long> t : s.tables()) {
            for (Long id : t) {
                assertTrue(seen.add(id), "seated twice: " + id);
            }
            min = Math.min(min, t.size());
            max = Math.max(max, t.size());
        }
        assertEquals(23, seen.size());
        assertTrue(max - min <= 1, "sizes " + min + ".." + max);
    }

    @Test
    void eachTableMixesEveryCategoryAsEvenlyAsTheJuryAllows() {
        // 12 jurors sorted so that the naive split (first four, next four, ...) would put all the young together.
        List<TableAllocator.Juror> jurors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jurors.add(new TableAllocator.Juror(i, Map.of("age", i < 6 ? "16-39" : "40+",
                    "area", i < 3 || (i >= 6 && i < 9) ? "North" : "South")));
        }
        TableAllocator.Seating s = TableAllocator.allocate(jurors, 3, List.of(), 7);
        Map<Long, Map<String, String>> cat = new HashMap<>();
        jurors.forEach(j -> cat.put(j.id(), j.categories()));
        for (List<Long> table : s.tables()) {
            long young = table.stream().filter(id -> cat.get(id).get("age").equals("16-39")).count();
            long north = table.stream().filter(id -> cat.get(id).get("area").equals("North")).count();
            assertEquals(2, young, "each table of four has two of six young jurors: " + s.tables());
            assertEquals(2, north, "each table of four has two of six North jurors: " + s.tables());
        }
        assertEquals(0.0, s.mixCost());
    }

    @Test
    void aSecondRoundSeatsPeopleWithNewTablematesWhenThatIsPossible() {
        List<TableAllocator.Juror> jurors = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            jurors.add(new TableAllocator.Juror(i, Map.of()));
        }
        TableAllocator.Seating first = TableAllocator.allocate(jurors, 4, List.of(), 3);
        TableAllocator.Seating second = TableAllocator.allocate(jurors, 4, first.tables(), 3);
        assertEquals(0, second.repeatedPairs(), "16 people at 4 tables can all meet new people: " + second.tables());
        assertEquals(0, TableAllocator.repeatedPairs(second.tables(), first.tables()));
        // A naive re-seating (the same split again) would repeat all 24 pairs.
        assertEquals(24, TableAllocator.repeatedPairs(first.tables(), first.tables()));
    }

    @Test
    void repeatsAreFewWhileTheMixStaysEvenOverSeveralRounds() {
        List<TableAllocator.Juror> jurors = jury(24);
        List<List<Long>> history = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            TableAllocator.Seating s = TableAllocator.allocate(jurors, 4, history, round);
            assertTrue(s.mixCost() <= 1.0, "round " + round + " mix cost " + s.mixCost());
            if (round == 1) {
                // 6 people per table drawn from 4 earlier tables: at least 2 pairs meet again per table (pigeonhole).
                assertEquals(8, s.repeatedPairs(), "the least possible: " + s.tables());
            }
            if (round == 2) {
                // A random seating would repeat about 26 of the 120 pairs met in the two earlier rounds.
                assertTrue(s.repeatedPairs() <= 16, "round 2 repeats " + s.repeatedPairs());
            }
            history.addAll(s.tables());
        }
    }

    @Test
    void theSameInputAndSeedGiveTheSameSeating() {
        List<TableAllocator.Juror> jurors = jury(18);
        assertEquals(TableAllocator.allocate(jurors, 3, List.of(), 42).tables(),
                TableAllocator.allocate(jurors, 3, List.of(), 42).tables());
    }

    @Test
    void refusesImpossibleTableCounts() {
        assertThrows(IllegalArgumentException.class, () -> TableAllocator.allocate(jury(3), 4, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> TableAllocator.allocate(jury(3), 0, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> TableAllocator.allocate(List.of(), 1, List.of(), 1));
    }
}
