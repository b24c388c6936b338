package org.civicloop.voting.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.Budget;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;

/**
 * A cycle's district budgets as the public cycle page shows them (through {@code #{districtBudgets.of(id)}}, so the
 * cycle capability needs no dependency on voting): each with its district, envelope, rule and options, and once the
 * vote has closed its own count of residents' ballots.
 */
@Named("districtBudgets")
@RequestScoped
public class DistrictBudgetsBean {

    @Inject
    Budgets budgets;
    @Inject
    VotingService voting;
    @Inject
    Cycles cycles;

    /** One district budget: its options and, once the vote has closed, its count (else null). */
    public record Line(Budget budget, List<CostedOption> options, VotingService.Count count) {
    }

    private final Map<Long, List<Line>> read = new HashMap<>();

    /** The cycle's district budgets (empty when it has none: the city-wide budget is the page's own). */
    public List<Line> of(long cycleId) {
        return read.computeIfAbsent(cycleId, id -> {
            boolean counted = cycles.find(id).map(CycleView::phase).map(p -> p.isAfter(Phase.VOTE)).orElse(false);
            return budgets.budgets(id).stream().filter(b -> !b.cityWide()).map(b -> new Line(b,
                    voting.options(id, b.id()), counted ? voting.count(b, Ballot.Channel.RESIDENTS) : null)).toList();
        });
    }
}
