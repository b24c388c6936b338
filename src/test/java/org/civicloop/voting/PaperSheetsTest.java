package org.civicloop.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaperSheetsTest {

    private static final Set<String> OPTIONS = Set.of("Y1", "Y2", "Y3", "Y4");

    @Test
    void aKeyedRankingIsReadInAnyOfTheUsualSeparatorsAndCase() throws Exception {
        assertEquals(List.of("Y2", "Y1", "Y3"), PaperSheets.sheet(1, "y2 > Y1,  y3", OPTIONS).ranking());
        assertEquals(List.of("Y4"), PaperSheets.sheet(2, " Y4 ", OPTIONS).ranking());
    }

    @Test
    void blankOrSpoiltWordsMakeASpoiltSheet() throws Exception {
        assertTrue(PaperSheets.sheet(3, "", OPTIONS).spoilt());
        assertTrue(PaperSheets.sheet(3, "  void ", OPTIONS).spoilt());
        assertTrue(PaperSheets.sheet(3, null, OPTIONS).spoilt());
        assertFalse(PaperSheets.sheet(3, "Y1", OPTIONS).spoilt());
    }

    @Test
    void unknownOrRepeatedOptionsAreRefusedNamingTheSheet() {
        PaperSheets.Invalid unknown = assertThrows(PaperSheets.Invalid.class,
                () -> PaperSheets.sheet(7, "Y1 Z9", OPTIONS));
        assertEquals("refused.paper.unknownOption", unknown.key());
        assertEquals(7, unknown.args()[0]);
        assertEquals("Z9", unknown.args()[1]);
        PaperSheets.Invalid repeated = assertThrows(PaperSheets.Invalid.class,
                () -> PaperSheets.sheet(8, "Y1 y1", OPTIONS));
        assertEquals("refused.paper.repeatedOption", repeated.key());
        assertEquals("refused.paper.sheetNo",
                assertThrows(PaperSheets.Invalid.class, () -> PaperSheets.sheet(0, "Y1", OPTIONS)).key());
    }

    @Test
    void comparingTwoKeyingsListsDifferencesAndMissingSheetsInSheetOrder() throws Exception {
        Map<Integer, PaperSheets.Sheet> first = Map.of(
                1, PaperSheets.sheet(1, "Y1 Y2", OPTIONS),
                2, PaperSheets.sheet(2, "Y3", OPTIONS),
                3, PaperSheets.sheet(3, "", OPTIONS));
        Map<Integer, PaperSheets.Sheet> second = Map.of(
                1, PaperSheets.sheet(1, "Y1>Y2", OPTIONS),
                2, PaperSheets.sheet(2, "Y3 Y4", OPTIONS),
                4, PaperSheets.sheet(4, "Y2", OPTIONS));
        List<PaperSheets.Discrepancy> d = PaperSheets.compare(4, first, second);
        assertEquals(List.of(2, 3, 4), d.stream().map(PaperSheets.Discrepancy::sheetNo).toList());
        assertFalse(d.get(0).missing());
        assertNull(d.get(1).second());
        assertNull(d.get(2).first());
        assertTrue(PaperSheets.compare(1, first, second).isEmpty(), "sheet 1 reads the same in both");
    }

    @Test
    void aScanningFileIsReadWithItsHeaderAndExtraColumnsIgnored() throws Exception {
        List<PaperSheets.Sheet> sheets = PaperSheets.scan(
                "image,sheet,ranking\r\nscan-001.png,1,\"Y2,Y1\"\r\nscan-002.png,2,Y3 Y4\r\nscan-003.png,3,\r\n",
                OPTIONS);
        assertEquals(3, sheets.size());
        assertEquals(List.of("Y2", "Y1"), sheets.get(0).ranking());
        assertTrue(sheets.get(2).spoilt());
    }

    @Test
    void aBadScanningFileIsRefusedWholeNamingTheRow() {
        assertEquals("refused.paper.csvHeader",
                assertThrows(PaperSheets.Invalid.class, () -> PaperSheets.scan("n,rank\n1,Y1\n", OPTIONS)).key());
        PaperSheets.Invalid dup = assertThrows(PaperSheets.Invalid.class,
                () -> PaperSheets.scan("sheet,ranking\n1,Y1\n1,Y2\n", OPTIONS));
        assertEquals("refused.paper.csvDuplicate", dup.key());
        assertEquals(3, dup.args()[0]);
        PaperSheets.Invalid notANumber = assertThrows(PaperSheets.Invalid.class,
                () -> PaperSheets.scan("sheet,ranking\n1,Y1\nx,Y2\n", OPTIONS));
        assertEquals("refused.paper.csv", notANumber.key());
        assertEquals(3, notANumber.args()[0]);
        assertEquals("refused.paper.unknownOption", assertThrows(PaperSheets.Invalid.class,
                () -> PaperSheets.scan("sheet,ranking\n1,Y1\n2,<script>\n", OPTIONS)).key());
        assertEquals("refused.paper.csvColumns", assertThrows(PaperSheets.Invalid.class,
                () -> PaperSheets.scan("sheet,ranking\n1,Y1,extra\n", OPTIONS)).key());
    }
}
