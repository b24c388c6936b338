package org.civicloop.voting;

import java.util.List;
import org.civicloop.voting.count.Explanation;

/**
 * A count's options as records, for capabilities that report a count (feedback's recommendations and report): each
 * funded option and each option not funded with why, read from {@link VotingService.Count} without its entities.
 */
public final class CountLines {

    private CountLines() {
    }

    /** An option of a count: its id, code, title, cost, and its score in the count (empty when the rule has none). */
    public record Option(long id, String code, String title, long cost, String score) {
    }

    /** An option the count did not fund, and why (as data). */
    public record Lost(Option option, Explanation why) {
    }

    /** The funded options, in the count's order. */
    public static List<Option> winners(VotingService.Count count) {
        return count.winners().stream().map(o -> of(o, count)).toList();
    }

    /** The options not funded, each with the reason. */
    public static List<Lost> losers(VotingService.Count count) {
        return count.losers().stream().map(l -> new Lost(of(l.option(), count), l.why())).toList();
    }

    private static Option of(CostedOption o, VotingService.Count count) {
        return new Option(o.getId(), o.getCode(), o.getTitle(), o.getCost(), count.score(o.getCode()));
    }
}
