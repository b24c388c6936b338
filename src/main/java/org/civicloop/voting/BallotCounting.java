package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.TieBreaking;

/**
 * Counts a budget's channel from its ballot box, now, by the same engine the offline tool uses: budget rules score a
 * ranking of n options as n, n-1, ... (Krakow scores), ranked rules read the rankings as they are. Once the vote has
 * closed, pages read the count stored then ({@link StoredCounts}); this fresh count is for the open vote, for storing
 * at close, and for recounts compared with the stored one.
 */
@ApplicationScoped
public class BallotCounting {

    @Inject
    Cycles cycleViews;
    @Inject
    VoteOptions options;
    @Inject
    BallotBoxes boxes;

    /** A box's counted ballots as the engine reads them: the election, the profile, the ballots, the options. */
    public record BallotBox(Election election, Profile profile, List<Ballot> ballots,
                            Map<String, BudgetOption> options) {
    }

    /** A fresh count of one channel of one budget with the budget's rule, over its options and its envelope. */
    public VotingService.Count fresh(Budget budget, Ballot.Channel channel) {
        CycleView cycle = cycleViews.find(budget.cycleId()).orElseThrow();
        BallotBox box = ballotBox(budget, channel);
        CountResult result = count(budget.rule(), box.election(), box.profile(), box.ballots().size());
        Map<String, CostedOption> counted = new java.util.LinkedHashMap<>();
        box.options().forEach((code, o) -> counted.put(code, CostedOption.of(o)));
        return new VotingService.Count(channel, box.ballots().size(), budget.rule(), result, counted,
                box.ballots().stream().collect(Collectors.groupingBy(Ballot::getSource, Collectors.counting())),
                cycle.currency());
    }

    /** The cycle's city-wide budget (its own envelope and rule), which every existing option and ballot is in. */
    public Budget cityWide(long cycleId) {
        return Budget.cityWide(cycleViews.find(cycleId).orElseThrow());
    }

    /** A channel's ballots as the counting engine reads them: those in the box less any an officer excluded. */
    public BallotBox ballotBox(Budget budget, Ballot.Channel channel) {
        CycleView cycle = cycleViews.find(budget.cycleId()).orElseThrow();
        List<BudgetOption> budgetOptions = options.options(budget.cycleId(), budget.id());
        String title = budget.cityWide() ? cycle.title() : cycle.title() + " - " + budget.label();
        return ballotBox(election(budget.rule(), title, budgetOptions, budget.amount()), budgetOptions,
                boxes.counted(budget, channel));
    }

    static BallotBox ballotBox(Election election, List<BudgetOption> options, List<Ballot> ballots) {
        Profile.Builder profile = Profile.builder(BallotType.ORDINAL).maxLength(Math.max(1, options.size()));
        for (Ballot b : ballots) {
            List<String> ranking = b.ranking();
            int[][] ranks = new int[ranking.size()][];
            for (int i = 0; i < ranking.size(); i++) {
                ranks[i] = new int[]{election.indexOf(ranking.get(i))};
            }
            profile.addRanking(ranks, 1);
        }
        Map<String, BudgetOption> byCode = new LinkedHashMap<>();
        options.forEach(o -> byCode.put(o.getCode(), o));
        return new BallotBox(election, profile.build(), ballots, byCode);
    }

    /**
     * Counts a box with every parameter taken from the election, as the published export states it (rule, seats,
     * budget; ties always broken as {@link TieBreaking#METHOD}): so `count` on the export gives the same result.
     */
    static CountResult count(CountingRule rule, Election election, Profile profile, int ballots) {
        if (ballots == 0 || election.size() == 0) {
            return new CountResult(rule.cliName(), List.of(), List.of(), List.of(), Map.of(), Map.of());
        }
        return Rules.count(rule.cliName(), election, profile, CountOptions.DEFAULT);
    }

    /** How many options an STV count elects: half the options, at least one (other rules: one winner list). */
    public static int seats(CountingRule rule, int options) {
        return rule.name().startsWith("STV") ? Math.max(1, options / 2) : 1;
    }

    /** The election the engine counts: the options, and the budget (budget rules) or the seats (ranked rules). */
    static Election election(CountingRule rule, String title, List<BudgetOption> options, long budget) {
        List<Option> engineOptions = options.stream()
                .map(o -> new Option(o.getCode(), o.getTitle(), Fraction.of(o.getCost()))).toList();
        return rule.isBudgetRule()
                ? Election.budgeted(title, engineOptions, Fraction.of(budget))
                : Election.ranked(title, engineOptions, seats(rule, options.size()));
    }
}
