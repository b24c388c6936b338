package org.civicloop.deliberation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The preference shift as a pure function (plain Java, no Jakarta): from everyone's before and after answers to
 * the same items, the distributions, the mean shift and how many changed, overall and for each category value.
 *
 * <p>Only people who answered an item both before and after count for that item, so the shift measures people
 * changing their minds and not a change in who answered. A statement's values are its scale points (1..scale); an
 * option's values are rank positions (1 = first choice), so a negative mean shift means the option rose.
 */
public final class ShiftCalculator {

    /** What was asked: a statement on a 1..{@code scale} agree scale, or a budget option ranked 1..{@code scale}. */
    public record Item(String key, String label, int scale) {
        public Item {
            Objects.requireNonNull(key);
            Objects.requireNonNull(label);
            if (scale < 1) {
                throw new IllegalArgumentException("scale must be at least 1");
            }
        }
    }

    /** One person's answer to one item at one stage (value on the item's scale). */
    public record Answer(String person, String itemKey, Stage stage, int value) {
    }

    public enum Stage { BEFORE, AFTER }

    private ShiftCalculator() {
    }

    /**
     * @param items      the items in the order to report them
     * @param answers    all answers (answers to unknown items, or out of the item's scale, are ignored)
     * @param categories each person's category values (feature to value); people without any are counted overall
     */
    public static List<PreferenceShift.ItemShift> shifts(List<Item> items, Collection<Answer> answers,
                                                         Map<String, Map<String, String>> categories) {
        Map<String, Map<String, Integer>> before = new HashMap<>();
        Map<String, Map<String, Integer>> after = new HashMap<>();
        Map<String, Item> byKey = new LinkedHashMap<>();
        for (Item item : items) {
            byKey.put(item.key(), item);
        }
        for (Answer a : answers) {
            Item item = byKey.get(a.itemKey());
            if (item == null || a.value() < 1 || a.value() > item.scale()) {
                continue;
            }
            (a.stage() == Stage.BEFORE ? before : after).computeIfAbsent(a.itemKey(), k -> new HashMap<>())
                    .put(a.person(), a.value());
        }
        List<PreferenceShift.ItemShift> out = new ArrayList<>();
        for (Item item : items) {
            Map<String, Integer> b = before.getOrDefault(item.key(), Map.of());
            Map<String, Integer> a = after.getOrDefault(item.key(), Map.of());
            List<Pair> pairs = new ArrayList<>();
            for (Map.Entry<String, Integer> e : new TreeMap<>(b).entrySet()) {
                Integer later = a.get(e.getKey());
                if (later != null) {
                    pairs.add(new Pair(e.getKey(), e.getValue(), later));
                }
            }
            Map<String, Integer> distBefore = distribution(item.scale());
            Map<String, Integer> distAfter = distribution(item.scale());
            for (Pair p : pairs) {
                distBefore.merge(Integer.toString(p.before), 1, Integer::sum);
                distAfter.merge(Integer.toString(p.after), 1, Integer::sum);
            }
            Figures all = figures(pairs);
            out.add(new PreferenceShift.ItemShift(item.key(), item.label(), distBefore, distAfter, all.meanBefore,
                    all.meanAfter, all.meanShift, all.respondents, all.changed, byCategory(pairs, categories)));
        }
        return out;
    }

    private record Pair(String person, int before, int after) {
    }

    private record Figures(double meanBefore, double meanAfter, double meanShift, int respondents, int changed) {
    }

    private static Map<String, Integer> distribution(int scale) {
        Map<String, Integer> d = new LinkedHashMap<>();
        for (int v = 1; v <= scale; v++) {
            d.put(Integer.toString(v), 0);
        }
        return d;
    }

    private static Figures figures(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return new Figures(0, 0, 0, 0, 0);
        }
        long sumBefore = 0;
        long sumAfter = 0;
        int changed = 0;
        for (Pair p : pairs) {
            sumBefore += p.before;
            sumAfter += p.after;
            if (p.before != p.after) {
                changed++;
            }
        }
        double n = pairs.size();
        return new Figures(round(sumBefore / n), round(sumAfter / n), round((sumAfter - sumBefore) / n), pairs.size(),
                changed);
    }

    private static List<PreferenceShift.GroupShift> byCategory(List<Pair> pairs,
                                                              Map<String, Map<String, String>> categories) {
        Map<String, Map<String, List<Pair>>> groups = new TreeMap<>();
        TreeSet<String> features = new TreeSet<>();
        categories.values().forEach(m -> features.addAll(m.keySet()));
        for (String f : features) {
            groups.put(f, new TreeMap<>());
        }
        for (Pair p : pairs) {
            for (Map.Entry<String, String> e : categories.getOrDefault(p.person, Map.of()).entrySet()) {
                groups.get(e.getKey()).computeIfAbsent(e.getValue(), v -> new ArrayList<>()).add(p);
            }
        }
        List<PreferenceShift.GroupShift> out = new ArrayList<>();
        groups.forEach((feature, values) -> values.forEach((value, members) -> {
            Figures f = figures(members);
            out.add(new PreferenceShift.GroupShift(feature, value, f.meanBefore, f.meanAfter, f.meanShift,
                    f.respondents, f.changed));
        }));
        return out;
    }

    /** Three decimals: enough for any jury, and stable in JSON. */
    static double round(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }
}
