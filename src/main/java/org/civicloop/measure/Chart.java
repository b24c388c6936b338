package org.civicloop.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a small line chart of readings over time, drawn as inline SVG in a fixed 0..300 x 0..120 box
 * (the page scales it): readings are placed by date on x and by value on y, with the baseline and target as
 * reference lines. Plain Java; the page draws what this computes and a data table says the same in words.
 */
public record Chart(String polyline, List<Dot> dots, Double baselineY, Double targetY, String minLabel,
                    String maxLabel) {

    public static final double WIDTH = 300;
    public static final double HEIGHT = 120;
    private static final double PAD = 10;

    /**
     * One reading on the chart; {@code label} says it in neutral notation (ISO date, plain number), {@code on} and
     * {@code amount} let a page say it in its own language.
     */
    public record Dot(double x, double y, String label, LocalDate on, BigDecimal amount) {
    }

    public record Point(LocalDate on, BigDecimal amount) {
    }

    public static Chart of(List<Point> points, BigDecimal baseline, BigDecimal target) {
        if (points.isEmpty()) {
            return new Chart("", List.of(), null, null, "", "");
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        List<BigDecimal> all = new ArrayList<>(points.stream().map(Point::amount).toList());
        if (baseline != null) {
            all.add(baseline);
        }
        if (target != null) {
            all.add(target);
        }
        for (BigDecimal v : all) {
            lo = Math.min(lo, v.doubleValue());
            hi = Math.max(hi, v.doubleValue());
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
            lo = lo - 1;
        }
        long first = points.get(0).on().toEpochDay();
        long last = points.get(points.size() - 1).on().toEpochDay();
        long span = Math.max(1, last - first);
        StringBuilder line = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (Point p : points) {
            double x = points.size() == 1 ? WIDTH / 2 : PAD + (WIDTH - 2 * PAD) * (p.on().toEpochDay() - first) / span;
            double y = y(p.amount().doubleValue(), lo, hi);
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(fmt(x)).append(',').append(fmt(y));
            dots.add(new Dot(round(x), round(y), p.on() + ": " + p.amount().stripTrailingZeros().toPlainString(), p.on(),
                    p.amount()));
        }
        return new Chart(line.toString(), dots, baseline == null ? null : round(y(baseline.doubleValue(), lo, hi)),
                target == null ? null : round(y(target.doubleValue(), lo, hi)), num(lo), num(hi));
    }

    private static double y(double v, double lo, double hi) {
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (v - lo) / (hi - lo);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
