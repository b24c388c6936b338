package org.civicloop.feedback;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.deliberation.PreferenceShift;

/**
 * The before/after charts of a preference shift as plain numbers, shared by the page (CSS bars with a data table
 * for screen readers) and the PDF (drawn bars): for each statement or option, each answer's share before and after.
 */
public final class ShiftChart {

    private ShiftChart() {
    }

    /** One answer's bar pair: how many gave it before and after, and as whole percentages of the respondents. */
    public record Bar(String answer, int before, int after, int beforePercent, int afterPercent) {
    }

    /** One chart: what was asked, its bars in answer order, and the summary figures. */
    public record Chart(String key, String label, List<Bar> bars, double meanBefore, double meanAfter,
                        double meanShift, int respondents, int changed, List<PreferenceShift.GroupShift> groups) {
        /** The mean shift with its sign, one decimal (e.g. "+0.8"). */
        public String shiftText() {
            return (meanShift > 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.1f", meanShift);
        }
    }

    public static List<Chart> statements(PreferenceShift shift) {
        return shift == null ? List.of() : charts(shift.statements());
    }

    public static List<Chart> options(PreferenceShift shift) {
        return shift == null ? List.of() : charts(shift.options());
    }

    static List<Chart> charts(List<PreferenceShift.ItemShift> items) {
        List<Chart> out = new ArrayList<>();
        for (PreferenceShift.ItemShift item : items) {
            Set<String> answers = new LinkedHashSet<>(ordered(item.before()));
            answers.addAll(ordered(item.after()));
            int totalBefore = item.before().values().stream().mapToInt(Integer::intValue).sum();
            int totalAfter = item.after().values().stream().mapToInt(Integer::intValue).sum();
            List<Bar> bars = new ArrayList<>();
            for (String a : answers.stream().sorted(ShiftChart::compareAnswers).toList()) {
                int b = item.before().getOrDefault(a, 0);
                int f = item.after().getOrDefault(a, 0);
                bars.add(new Bar(a, b, f, percent(b, totalBefore), percent(f, totalAfter)));
            }
            out.add(new Chart(item.key(), item.label(), bars, item.meanBefore(), item.meanAfter(), item.meanShift(),
                    item.respondents(), item.changed(), item.byCategory() == null ? List.of() : item.byCategory()));
        }
        return out;
    }

    private static List<String> ordered(Map<String, Integer> m) {
        return m == null ? List.of() : new ArrayList<>(m.keySet());
    }

    /** Numeric answers in numeric order (1, 2, ..., 10), anything else after them alphabetically. */
    static int compareAnswers(String a, String b) {
        Integer x = number(a);
        Integer y = number(b);
        if (x != null && y != null) {
            return Integer.compare(x, y);
        }
        if (x != null) {
            return -1;
        }
        if (y != null) {
            return 1;
        }
        return a.compareTo(b);
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(100f * part / whole);
    }
}
