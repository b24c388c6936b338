package org.civicloop.voting.count;

import java.util.Map;

/**
 * One step of a count, for the explanation.
 *
 * @param number      1-based step number
 * @param action      short machine-readable kind ("eliminate", "elect", "purchase", "surplus", "pairwise", ...)
 * @param description one plain-English sentence
 * @param data        structured details: Strings, Fractions, Numbers, Booleans, Lists and Maps of these
 *                    (maps keyed by option id keep a stable order)
 */
public record Round(int number, String action, String description, Map<String, Object> data) {
}
