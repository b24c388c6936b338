package org.civicloop.jury.selection;

import java.util.Map;

import org.civicloop.jury.selection.model.FeatureValue;

/**
 * Aggregate selection probabilities.
 *
 * @param minimum smallest individual probability
 * @param maximum largest individual probability
 * @param mean mean (k / pool size)
 * @param geometricMean geometric mean
 * @param gini Gini coefficient of the probabilities (0 = all equal)
 * @param byValue per feature value: count of people and min/mean/max probability among them
 */
public record ProbabilityStats(double minimum, double maximum, double mean, double geometricMean, double gini,
        Map<FeatureValue, ValueStats> byValue) {

    /** Probabilities of the people with one feature value. */
    public record ValueStats(int people, double minimum, double mean, double maximum) {
    }
}
