package org.civicloop.voting.count;

import java.util.List;

/**
 * A tie that had to be broken.
 *
 * @param round   the step at which it happened
 * @param purpose what was decided ("eliminate", "elect", "fund", "winner", ...)
 * @param tied    the option ids that were tied
 * @param chosen  the option id chosen for the purpose
 * @param method  how it was broken (e.g. "lexicographic order of option ids")
 */
public record TieBreak(int round, String purpose, List<String> tied, String chosen, String method) {
}
