package org.civicloop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one writer of downloadable CSV files: formula injection defused (OWASP), numbers kept as numbers. */
class CsvExportTest {

    @Test
    void cellsStartingLikeAFormulaGetALeadingQuote() {
        assertEquals("'=SUM(A1:A9)", Csv.exportCell("=SUM(A1:A9)"));
        assertEquals("'+1+cmd|' /C calc'!A0", Csv.exportCell("+1+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", Csv.exportCell("-2+3"));
        assertEquals("'@SUM(1)", Csv.exportCell("@SUM(1)"));
        assertEquals("'\tx", Csv.exportCell("\tx"));
        assertEquals("\"'\rx\"", Csv.exportCell("\rx"), "a carriage return also needs quotes");
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.exportCell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'-", Csv.exportCell("-"));
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        assertEquals("-12.5", Csv.exportCell("-12.5"), "a negative number stays readable as a number");
        assertEquals("+3", Csv.exportCell("+3"));
        assertEquals("-1e3", Csv.exportCell("-1e3"));
        assertEquals("-7", Csv.exportCell(-7L));
        assertEquals("-0.25", Csv.exportCell(new BigDecimal("-0.25")));
        assertEquals("Anna", Csv.exportCell("Anna"));
        assertEquals("a=b", Csv.exportCell("a=b"), "only the first character matters");
        assertEquals("\"Smith, Anna\"", Csv.exportCell("Smith, Anna"));
        assertEquals("", Csv.exportCell(null));
    }

    @Test
    void aRowReadsBackAsTheDefusedCells() throws Exception {
        String row = Csv.exportRow(Arrays.asList("=1+1", -3, "x,y", null, "ok"));
        assertEquals("'=1+1,-3,\"x,y\",,ok\n", row);
        assertEquals(List.of(List.of("'=1+1", "-3", "x,y", "", "ok")), Csv.read(new StringReader(row)));
    }

    @Test
    void theExactWriterForFilesReadBackIsUnchanged() {
        java.io.StringWriter w = new java.io.StringWriter();
        Csv.writeRow(w, List.of("=1+1", "-x"));
        assertEquals("=1+1,-x\n", w.toString(), "stored rows and tool files are written exactly");
    }
}
