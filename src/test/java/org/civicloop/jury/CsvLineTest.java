package org.civicloop.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An imported row is stored as one CSV record and must come back cell for cell, whatever the cells hold. */
class CsvLineTest {

    @Test
    void cellsWithCommasQuotesSpacesAccentsAndBlanksComeBackUnchanged() {
        List<String> cells = List.of("P-1", " Zoë ", "O'Neill, \"Jr\"", "", "1  elm road, flat a", "line one\nline two",
                "  ");
        String line = CsvLine.of(cells);
        assertEquals(cells, CsvLine.cells(line));
    }

    @Test
    void aPlainRowIsWrittenWithoutQuotes() {
        assertEquals("id,age,area", CsvLine.of(List.of("id", "age", "area")));
    }

    @Test
    void theHouseholdKeyOfAnAnswerMeetsTheKeyOfTheSameAddressInColumns() {
        assertEquals(JuryService.householdKey(List.of("4 Mill Lane, RV2 7QT")),
                JuryService.householdKey(List.of("4 Mill Lane", "RV2 7QT")));
        assertEquals(null, JuryService.householdKey(List.of(" ", "")), "blank: no household");
    }
}
