package org.civicloop.jury.selection.model;

import java.util.Objects;

/**
 * How many panel members must have a feature value: at least {@code min} and at most {@code max}.
 */
public record Quota(FeatureValue value, int min, int max) {

    public Quota {
        Objects.requireNonNull(value, "value");
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("Quota for " + value + " needs 0 <= min <= max, got min " + min
                    + ", max " + max);
        }
    }

    public static Quota of(String feature, String value, int min, int max) {
        return new Quota(new FeatureValue(feature, value), min, max);
    }

    public boolean allows(int count) {
        return count >= min && count <= max;
    }

    @Override
    public String toString() {
        return value + " [" + min + ", " + max + "]";
    }
}
