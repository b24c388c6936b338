package org.civicloop.jury.selection;

import org.civicloop.jury.selection.model.FeatureValue;

/** A suggested change of one quota. */
public record QuotaChange(FeatureValue value, int oldMin, int oldMax, int newMin, int newMax) {

    /** Seats of relaxation: how far min is lowered plus how far max is raised. */
    public int amount() {
        return (oldMin - newMin) + (newMax - oldMax);
    }

    @Override
    public String toString() {
        return value + ": [" + oldMin + ", " + oldMax + "] -> [" + newMin + ", " + newMax + "]";
    }
}
