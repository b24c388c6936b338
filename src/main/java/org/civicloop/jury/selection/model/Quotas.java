package org.civicloop.jury.selection.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quotas of a panel: for every feature, a min/max for each of its values. Immutable; features and values keep
 * the order in which they were given.
 */
public final class Quotas {

    private final List<Quota> quotas;
    private final List<Feature> features;
    private final Map<FeatureValue, Quota> byValue;

    private Quotas(List<Quota> quotas) {
        Map<FeatureValue, Quota> map = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Quota q : quotas) {
            if (map.put(q.value(), q) != null) {
                throw new IllegalArgumentException("Two quotas for " + q.value());
            }
            values.computeIfAbsent(q.value().feature(), f -> new ArrayList<>()).add(q.value().value());
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("No quotas given");
        }
        this.quotas = List.copyOf(quotas);
        this.byValue = Collections.unmodifiableMap(map);
        this.features = values.entrySet().stream().map(e -> new Feature(e.getKey(), e.getValue())).toList();
    }

    public static Quotas of(List<Quota> quotas) {
        return new Quotas(quotas);
    }

    public static Quotas of(Quota... quotas) {
        return new Quotas(List.of(quotas));
    }

    /**
     * Quotas for a panel of {@code k} from population targets (e.g. census shares). For each value with share
     * {@code s}: {@code min = max(0, floor(s*k - t*k))} and {@code max = min(k, ceil(s*k + t*k))} where {@code t} is
     * the tolerance as a fraction of the panel (0 gives floor/ceil of {@code s*k}; 0.05 widens each quota by 5% of
     * the panel on both sides). {@code s*k} is rounded to 9 decimals first so that exact products are not widened by
     * floating-point noise.
     *
     * @param shares feature name to (value to share in [0, 1]), in the order to keep
     */
    public static Quotas fromShares(Map<String, ? extends Map<String, ? extends Number>> shares, int k,
            double tolerance) {
        if (k <= 0) {
            throw new IllegalArgumentException("Panel size must be positive");
        }
        if (tolerance < 0 || Double.isNaN(tolerance)) {
            throw new IllegalArgumentException("Tolerance must be >= 0");
        }
        List<Quota> list = new ArrayList<>();
        for (var f : shares.entrySet()) {
            for (var v : f.getValue().entrySet()) {
                double s = v.getValue().doubleValue();
                if (!(s >= 0 && s <= 1)) {
                    throw new IllegalArgumentException("Share of " + f.getKey() + "=" + v.getKey()
                            + " must be in [0, 1], got " + s);
                }
                double lo = round9(s * k - tolerance * k);
                double hi = round9(s * k + tolerance * k);
                int min = (int) Math.max(0, Math.floor(lo));
                int max = (int) Math.min(k, Math.ceil(hi));
                list.add(Quota.of(f.getKey(), v.getKey(), min, max));
            }
        }
        return new Quotas(list);
    }

    private static double round9(double x) {
        return Math.round(x * 1e9) / 1e9;
    }

    public List<Quota> quotas() {
        return quotas;
    }

    public List<Feature> features() {
        return features;
    }

    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    public Optional<Quota> get(FeatureValue value) {
        return Optional.ofNullable(byValue.get(value));
    }

    public Optional<Feature> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** A copy with {@code replacement} instead of the quota for the same value. */
    public Quotas with(Quota replacement) {
        if (!byValue.containsKey(replacement.value())) {
            throw new IllegalArgumentException("No quota for " + replacement.value());
        }
        return new Quotas(quotas.stream().map(q -> q.value().equals(replacement.value()) ? replacement : q).toList());
    }

    /** How many of {@code people} have each value (every quota value appears, possibly with 0). */
    public Map<FeatureValue, Integer> counts(Collection<Person> people) {
        Map<FeatureValue, Integer> c = new LinkedHashMap<>();
        for (Quota q : quotas) {
            c.put(q.value(), 0);
        }
        for (Person p : people) {
            for (Feature f : features) {
                String v = p.value(f.name());
                if (v != null && !v.isBlank()) {
                    c.computeIfPresent(new FeatureValue(f.name(), v), (key, n) -> n + 1);
                }
            }
        }
        return c;
    }

    /** Human-readable quota violations of a panel (empty if it meets every quota). */
    public List<String> violations(Collection<Person> panel) {
        List<String> out = new ArrayList<>();
        Map<FeatureValue, Integer> c = counts(panel);
        for (Quota q : quotas) {
            int n = c.get(q.value());
            if (!q.allows(n)) {
                out.add(q.value() + ": " + n + " selected, quota [" + q.min() + ", " + q.max() + "]");
            }
        }
        return out;
    }

    public boolean satisfiedBy(Collection<Person> panel) {
        return violations(panel).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quotas other && other.quotas.equals(quotas);
    }

    @Override
    public int hashCode() {
        return quotas.hashCode();
    }

    @Override
    public String toString() {
        return quotas.toString();
    }
}
