package org.civicloop.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers, percentages and averages written the way a language writes them (grouping, decimal mark, where the %
 * goes). Plain Java so that the rules can be tested without a page; the pages reach them through #{fmt}, the PDF report directly.
 */
public final class Numbers {

    static final String NONE = "\u2014";

    private Numbers() {
    }

    public static String number(Number value, Locale locale) {
        if (value == null) {
            return NONE;
        }
        BigDecimal exact = toBigDecimal(value);
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(Math.min(3, Math.max(0, exact.stripTrailingZeros().scale())));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(exact);
    }

    public static String percentage(Number wholePercent, Locale locale) {
        if (wholePercent == null) {
            return NONE;
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        BigDecimal share = toBigDecimal(wholePercent).movePointLeft(2);
        f.setMaximumFractionDigits(Math.min(1, Math.max(0, share.stripTrailingZeros().scale() - 2)));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(share);
    }

    public static String average(Number mean, Locale locale) {
        if (mean == null) {
            return NONE;
        }
        if (mean instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return NONE;
        }
        return twoPlaces(locale).format(toBigDecimal(mean));
    }

    /** A change in an average, signed: +0.50, -1.25, 0.00 (the same two places as {@link #average}). */
    public static String change(Number shift, Locale locale) {
        if (shift == null || shift instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return NONE;
        }
        BigDecimal exact = toBigDecimal(shift).setScale(2, RoundingMode.HALF_UP);
        NumberFormat f = twoPlaces(locale);
        if (f instanceof java.text.DecimalFormat d && exact.signum() > 0) {
            d.setPositivePrefix("+");
        }
        return f.format(exact);
    }

    private static NumberFormat twoPlaces(Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        if (n instanceof java.math.BigInteger bi) {
            return new BigDecimal(bi);
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
