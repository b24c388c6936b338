package org.civicloop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers, percentages and averages as English and Spanish readers write them. */
class NumbersTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale ES = Locale.forLanguageTag("es");

    /** Java writes the Spanish percent sign after a no-break space; compare with ordinary spaces. */
    private static String plain(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void percentagesAreWrittenTheLanguagesWay() {
        assertEquals("42%", Numbers.percentage(42, EN));
        assertEquals("42 %", plain(Numbers.percentage(42, ES)));
        assertEquals("100%", Numbers.percentage(100L, EN));
        assertEquals("12.5%", Numbers.percentage(12.5, EN));
        assertEquals("12,5 %", plain(Numbers.percentage(12.5, ES)));
        assertEquals("\u2014", Numbers.percentage(null, ES));
    }

    @Test
    void averagesHaveTwoPlacesAndTheLanguagesDecimalMark() {
        assertEquals("3.50", Numbers.average(3.5, EN));
        assertEquals("3,50", Numbers.average(3.5, ES));
        assertEquals("3,67", Numbers.average(3.667, ES));
        assertEquals("\u2014", Numbers.average(Double.NaN, EN));
        assertEquals("+0,50", Numbers.change(0.5, ES));
        assertEquals("-1.25", Numbers.change(-1.25, EN));
        assertEquals("0.00", Numbers.change(0.0, EN));
    }

    @Test
    void numbersAreGroupedAndKeepTheirDecimals() {
        assertEquals("12,500", Numbers.number(12_500, EN));
        assertEquals("12.500", Numbers.number(12_500L, ES));
        assertEquals("2,5", Numbers.number(new BigDecimal("2.50"), ES));
        assertEquals("1,234.568", Numbers.number(new BigDecimal("1234.5678"), EN));
        assertEquals("\u2014", Numbers.number(null, EN));
    }
}
