package org.civicloop.jury.selection.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A volunteer in the pool.
 *
 * @param id unique id (the id column, or the 1-based data row number when the file has no id column)
 * @param features feature name to value, for every feature that has quotas (values spelled as in the quotas)
 * @param addressKey normalised household key, or {@code null} when the household rule does not apply to this person
 *        (no address columns configured, or all of them blank)
 * @param columns every original cell of the person's row, by column name, in file order (unchanged text); empty for
 *        people built in code
 */
public record Person(String id, Map<String, String> features, String addressKey, Map<String, String> columns) {

    public Person {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A person's id must not be blank");
        }
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        if (addressKey != null && addressKey.isBlank()) {
            addressKey = null;
        }
    }

    /** A person without extra columns or household. */
    public static Person of(String id, Map<String, String> features) {
        return new Person(id, features, null, Map.of());
    }

    /** A person without extra columns, in the household given by {@code addressKey} (may be null). */
    public static Person of(String id, Map<String, String> features, String addressKey) {
        return new Person(id, features, addressKey, Map.of());
    }

    /** This person's value of {@code feature}, or {@code null}. */
    public String value(String feature) {
        return features.get(feature);
    }

    public boolean has(FeatureValue fv) {
        return fv.value().equals(features.get(fv.feature()));
    }

    /** The original columns other than those named in {@code exclude} (e.g. the id, feature and address columns). */
    public Map<String, String> otherColumns(Set<String> exclude) {
        Map<String, String> m = new LinkedHashMap<>(columns);
        m.keySet().removeAll(exclude);
        return Collections.unmodifiableMap(m);
    }

    public boolean sameHousehold(Person other) {
        return addressKey != null && addressKey.equals(other.addressKey);
    }
}
