package org.civicloop.voting.count;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a count with its explanation.
 *
 * @param rule    the rule name ("irv", "mes", ...)
 * @param winners elected / funded option ids (in order of election or purchase; for Borda and Schulze the single
 *                top option)
 * @param rounds  the steps of the count
 * @param ties    ties that were broken
 * @param lost    for every option not elected/funded: why, as an {@link Explanation} (keyed by option id, file order)
 * @param summary further rule-specific results (scores, ranking, total cost, Condorcet winner, ...)
 */
public record CountResult(String rule, List<String> winners, List<Round> rounds, List<TieBreak> ties,
        Map<String, Explanation> lost, Map<String, Object> summary) {
}
