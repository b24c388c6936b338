package org.civicloop.jury.selection.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A feature (the Sortition Foundation calls it a category), e.g. {@code age}, with its values in the order they were
 * declared.
 */
public record Feature(String name, List<String> values) {

    public Feature {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A feature name must not be blank");
        }
        List<String> copy = new ArrayList<>();
        for (String v : values) {
            copy.add(new FeatureValue(name, v).value());
        }
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("Feature '" + name + "' lists a value twice: " + copy);
        }
        values = List.copyOf(copy);
    }

    public List<FeatureValue> featureValues() {
        return values.stream().map(v -> new FeatureValue(name, v)).toList();
    }
}
