package org.civicloop.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponsesCsvTest {

    @Test
    void oneRowPerDecisionQuotedAndSafeToOpenInASpreadsheet() {
        String csv = ResponsesCsv.write(ReportFixtures.report(ReportFixtures.shift()));
        String[] lines = csv.split("\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("cycle_id,report_version,rank,source,option_code,title,"));
        assertTrue(lines[1].startsWith("7,2,1,COUNT,A,School crossings,6,6,3,false,ADOPTED,"), lines[1]);
        assertTrue(lines[1].contains(",NP-2026-04,60000,GBP,"), lines[1]);
        assertTrue(lines[1].endsWith(",true,Cllr Amina Shah,2026-03-02"), lines[1]);
        assertTrue(lines[2].contains(",REJECTED,\"'=HYPERLINK(\"\"x\"\") the pot has £12,000 left, not £30,000\","),
                "a formula is defused and the cell quoted: " + lines[2]);
    }

    @Test
    void cellsNeedingNoQuotesStayPlain() {
        assertEquals("plain", ResponsesCsv.cell("plain"));
        assertEquals("-1", ResponsesCsv.cell("-1"), "a negative number written as text stays a number");
        assertEquals("'-1+cmd", ResponsesCsv.cell("-1+cmd"), "anything else after a minus is defused");
        assertEquals("-1", ResponsesCsv.cell(-1), "numbers are numbers");
        assertEquals("", ResponsesCsv.cell(null));
    }
}
