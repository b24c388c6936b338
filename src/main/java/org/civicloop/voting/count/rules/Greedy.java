package org.civicloop.voting.count.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Explanation.Reason;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rule;
import org.civicloop.voting.count.TieBreak;
import org.civicloop.voting.count.TieBreaking;

/**
 * Greedy by score ("utilitarian greedy", the rule most cities use): projects by total score descending (approval:
 * number of approvals; cumulative: points; ordinal: max_length - position), equal scores by project id in
 * lexicographic order; each is funded if its cost fits in what is left of the budget, otherwise skipped. Projects
 * without support are never funded.
 */
public final class Greedy implements Rule {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public CountResult count(Election e, Profile p, CountOptions options) {
        BudgetInput in = new BudgetInput(name(), e, p);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < in.m; i++) {
            order.add(i);
        }
        order.sort((a, b) -> in.score[a] != in.score[b] ? Long.compare(in.score[b], in.score[a]) : e.compareIds(a, b));
        Fraction left = in.budget;
        List<String> winners = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        List<TieBreak> ties = new ArrayList<>();
        Map<String, Explanation> lostRaw = new LinkedHashMap<>();
        int step = 0;
        for (int idx = 0; idx < order.size(); idx++) {
            int o = order.get(idx);
            step++;
            // report equal-score groups whose order mattered (once per group)
            if (idx == 0 || in.score[order.get(idx - 1)] != in.score[o]) {
                List<Integer> same = new ArrayList<>();
                for (int j = idx; j < order.size() && in.score[order.get(j)] == in.score[o]; j++) {
                    same.add(order.get(j));
                }
                if (same.size() > 1 && in.score[o] > 0) {
                    ties.add(new TieBreak(step, "order", e.sortedIds(same), e.id(same.get(0)), TieBreaking.METHOD));
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("project", e.id(o));
            data.put("score", in.score[o]);
            data.put("cost", in.cost[o]);
            data.put("budgetLeftBefore", left);
            String id = e.id(o);
            if (in.score[o] == 0) {
                data.put("funded", false);
                rounds.add(new Round(step, "skip", Explanation.of(Reason.GREEDY_SKIP_UNSUPPORTED, id), data));
                lostRaw.put(id, Explanation.of(Reason.GREEDY_NO_SUPPORT));
            } else if (in.cost[o].compareTo(left) <= 0) {
                left = left.subtract(in.cost[o]);
                winners.add(id);
                data.put("funded", true);
                data.put("budgetLeftAfter", left);
                rounds.add(new Round(step, "fund", Explanation.of(Reason.GREEDY_FUND, id, in.score[o], in.scoreWord(),
                        in.cost[o], left), data));
            } else {
                data.put("funded", false);
                rounds.add(new Round(step, "skip", Explanation.of(Reason.GREEDY_SKIP, id, in.score[o], in.scoreWord(),
                        in.cost[o], left), data));
                lostRaw.put(id, Explanation.of(Reason.GREEDY_DID_NOT_FIT, idx + 1, in.score[o], in.scoreWord(), left,
                        in.cost[o]));
            }
        }
        Map<String, Explanation> lost = new LinkedHashMap<>();
        for (int i = 0; i < in.m; i++) {
            if (lostRaw.containsKey(e.id(i))) {
                lost.put(e.id(i), lostRaw.get(e.id(i)));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("budget", in.budget);
        summary.put("totalCost", in.budget.subtract(left));
        summary.put("budgetLeft", left);
        List<Long> scores = new ArrayList<>();
        for (long s : in.score) {
            scores.add(s);
        }
        summary.put("scores", Ranked.byId(e, scores));
        return new CountResult(name(), winners, rounds, ties, lost, summary);
    }
}
