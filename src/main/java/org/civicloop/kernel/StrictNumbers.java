package org.civicloop.kernel;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The one strict reader of numbers that people and programs send (JSON bodies, query parameters, form fields).
 * A value is taken exactly as written or refused: never rounded, clamped, wrapped around or read as 0. It must be a
 * plain finite decimal number (no NaN, no Infinity, no hexadecimal), inside its {@link Range}, and whole when the
 * range is of whole numbers. Refusals state the allowed range, in the reader's language.
 *
 * <p>Money amounts are whole currency units everywhere (budgets, costs, committed amounts: {@code Long}); measured
 * amounts (indicator readings, baselines, targets) keep at most 4 decimal places, as their columns do.
 */
public final class StrictNumbers {

    /** Longest number text looked at; longer texts are refused without being parsed. */
    static final int MAX_TEXT = 400;

    private StrictNumbers() {
    }

    /** Allowed values: from {@code min} to {@code max} inclusive, with at most {@code decimals} decimal places. */
    public record Range(BigDecimal min, BigDecimal max, int decimals) {

        public Range {
            if (min.compareTo(max) > 0 || decimals < 0) {
                throw new IllegalArgumentException("empty range " + min + ".." + max);
            }
        }

        public static Range whole(long min, long max) {
            return new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0);
        }

        public static Range decimal(String min, String max, int decimals) {
            return new Range(new BigDecimal(min), new BigDecimal(max), decimals);
        }

        public boolean isWhole() {
            return decimals == 0;
        }

        /** The narrower of this range and {@code other}. */
        public Range within(Range other) {
            return new Range(min.max(other.min), max.min(other.max), Math.min(decimals, other.decimals));
        }

        /** Whether an exact value is allowed. */
        public boolean allows(BigDecimal v) {
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                return false;
            }
            return v.signum() == 0 || v.stripTrailingZeros().scale() <= decimals;
        }

        /** "{field} must be a whole number from 1 to 240; 1e400 is not." in the reader's language. */
        public String refusal(Locale locale, String field, String given) {
            String shown = given == null ? "null" : given.length() > 40 ? given.substring(0, 37) + "..." : given;
            return isWhole()
                    ? Messages.format(locale, "number.whole", field, min.toPlainString(), max.toPlainString(), shown)
                    : Messages.format(locale, "number.decimal", field, min.toPlainString(), max.toPlainString(),
                            String.valueOf(decimals), shown);
        }
    }

    /**
     * The exact value of a number written in text (as in JSON: optional minus, digits, optional fraction and
     * exponent; surrounding blanks ignored), or null when the text is not such a number (NaN, Infinity, hex, "1,5",
     * empty, too long).
     */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT || !t.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException | ArithmeticException e) {
            return null; // exponent beyond what BigDecimal holds: certainly out of any range
        }
    }

    /** The value when {@code text} is a number {@code range} allows, else null. */
    public static BigDecimal read(String text, Range range) {
        BigDecimal v = parse(text);
        return v != null && range.allows(v) ? v : null;
    }
}
