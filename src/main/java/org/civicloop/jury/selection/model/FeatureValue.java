package org.civicloop.jury.selection.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One value of a feature, e.g. {@code age = 16-24}. Names are kept exactly as given (after trimming).
 *
 * @param feature the feature (category) name, e.g. {@code age}
 * @param value the value, e.g. {@code 16-24}
 */
public record FeatureValue(String feature, String value) implements Comparable<FeatureValue> {

    private static final Comparator<FeatureValue> ORDER =
            Comparator.comparing(FeatureValue::feature).thenComparing(FeatureValue::value);

    public FeatureValue {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(value, "value");
        feature = feature.strip();
        value = value.strip();
        if (feature.isEmpty()) {
            throw new IllegalArgumentException("A feature name must not be blank");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A value of feature '" + feature + "' must not be blank");
        }
    }

    public static FeatureValue of(String feature, String value) {
        return new FeatureValue(feature, value);
    }

    @Override
    public int compareTo(FeatureValue o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return feature + "=" + value;
    }
}
