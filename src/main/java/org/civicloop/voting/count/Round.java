package org.civicloop.voting.count;

import java.util.Map;

/**
 * One step of a count, for the explanation.
 *
 * @param number      1-based step number
 * @param action      short machine-readable kind ("eliminate", "elect", "purchase", "surplus", "pairwise", ...)
 * @param explanation what happened, as data (written in a language by {@code voting.count.text.ExplanationText})
 * @param data        structured details: Strings, Fractions, Numbers, Booleans, Lists and Maps of these
 *                    (maps keyed by option id keep a stable order)
 */
public record Round(int number, String action, Explanation explanation, Map<String, Object> data) {
}
