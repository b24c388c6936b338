package org.civicloop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.civicloop.kernel.StrictNumbers.Range;
import org.junit.jupiter.api.Test;

class StrictNumbersTest {

    private static final Range MINUTES = Range.whole(1, 240);
    private static final Range MONEY = Range.whole(0, 1_000_000_000_000L);
    private static final Range AMOUNT = Range.decimal("-999999999999.9999", "999999999999.9999", 4);

    @Test
    void acceptsExactlyWhatIsWritten() {
        assertEquals(new BigDecimal("50000"), StrictNumbers.read("50000", MONEY));
        assertEquals(0, new BigDecimal("50000").compareTo(StrictNumbers.read("5e4", MONEY)), "an exponent is fine");
        assertEquals(0, new BigDecimal("50000").compareTo(StrictNumbers.read("50000.000", MONEY)), "so is .000");
        assertEquals(new BigDecimal("1000000000000"), StrictNumbers.read("1000000000000", MONEY), "the top");
        assertEquals(new BigDecimal("0"), StrictNumbers.read(" 0 ", MONEY), "blanks around are ignored");
        assertEquals(new BigDecimal("-12.5"), StrictNumbers.read("-12.5", AMOUNT));
        assertEquals(new BigDecimal("1.2345"), StrictNumbers.read("1.2345", AMOUNT));
    }

    @Test
    void refusesWhatWouldBeBentInsteadOfRoundingOrClamping() {
        for (String bad : List.of("1e400", "-1e400", "NaN", "Infinity", "-Infinity", "50000.7", "0.5",
                "1000000000001", "9223372036854775808", "-1", "0x10", "1,5", "", " ", "abc", "true", "1e999999999",
                "1e-999999999", "+5", "5.", ".5", "1" + "0".repeat(500))) {
            assertNull(StrictNumbers.read(bad, MONEY), bad);
        }
        assertNull(StrictNumbers.read("1000000000000", MINUTES), "10^12 minutes");
        assertNull(StrictNumbers.read("0", MINUTES), "below the range");
        assertNull(StrictNumbers.read("1.23456", AMOUNT), "a fifth decimal place would be rounded by the column");
        assertNull(StrictNumbers.read("1000000000000", AMOUNT));
        assertNull(StrictNumbers.read(null, MONEY));
    }

    @Test
    void refusalsStateTheRangeInBothLanguages() {
        String en = MINUTES.refusal(Locale.ENGLISH, "minutes", "1000000000000");
        assertEquals("minutes must be a whole number from 1 to 240; 1000000000000 is not.", en);
        String es = MINUTES.refusal(Locale.forLanguageTag("es"), "minutes", "1e400");
        assertEquals("minutes debe ser un número entero entre 1 y 240; 1e400 no lo es.", es);
        String dec = AMOUNT.refusal(Locale.ENGLISH, "amount", "1.23456");
        assertTrue(dec.contains("from -999999999999.9999 to 999999999999.9999 with at most 4 decimal places"), dec);
        assertTrue(AMOUNT.refusal(Locale.forLanguageTag("es"), "amount", "x").contains("4 decimales"));
        assertFalse(MONEY.refusal(Locale.ENGLISH, "budgetAmount", "1").contains("1,000"), "no grouping in ranges");
    }

    @Test
    void narrowingKeepsTheStricterLimits() {
        Range r = Range.whole(Integer.MIN_VALUE, Integer.MAX_VALUE).within(Range.whole(1, 5));
        assertEquals(Range.whole(1, 5), r);
        assertTrue(r.isWhole());
    }
}
