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
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rule;

/**
 * The Condorcet-winner check: the option that a strict majority of the voters expressing a preference prefers to
 * each other option head to head (d[x][y] &gt; d[y][x] for all y). {@code winners} holds it, or is empty when there
 * is none (a cycle or a pairwise tie).
 */
public final class CondorcetCheck implements Rule {

    @Override
    public String name() {
        return "condorcet";
    }

    /** The Condorcet winner's id, or null. */
    public static String winner(Election e, Profile p) {
        Ranked.requireRanked("condorcet", p);
        int w = Ranked.condorcetWinner(Ranked.pairwise(e, p), Ranked.participating(e));
        return w < 0 ? null : e.id(w);
    }

    @Override
    public CountResult count(Election e, Profile p, CountOptions options) {
        Ranked.requireRanked(name(), p);
        boolean[] in = Ranked.participating(e);
        long[][] d = Ranked.pairwise(e, p);
        int w = Ranked.condorcetWinner(d, in);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pairwise", Ranked.matrix(e, d, in));
        data.put("condorcetWinner", w < 0 ? null : e.id(w));
        List<Round> rounds = List.of(new Round(1, "pairwise", w < 0
                ? Explanation.of(Reason.CONDORCET_NONE) : Explanation.of(Reason.CONDORCET_WINNER, e.id(w)), data));
        Map<String, Explanation> lost = new LinkedHashMap<>();
        for (int x = 0; x < e.size(); x++) {
            if (x == w) {
                continue;
            }
            if (!in[x]) {
                lost.put(e.id(x), Explanation.of(Reason.WITHDRAWN));
                continue;
            }
            List<Map<String, Object>> beatenBy = new ArrayList<>();
            List<Map<String, Object>> tiedWith = new ArrayList<>();
            for (int y = 0; y < e.size(); y++) {
                if (y != x && in[y]) {
                    if (d[y][x] > d[x][y]) {
                        beatenBy.add(Explanation.duel(e.id(y), d[y][x], d[x][y]));
                    } else if (d[y][x] == d[x][y]) {
                        tiedWith.add(Explanation.duel(e.id(y), d[y][x], d[x][y]));
                    }
                }
            }
            lost.put(e.id(x), Explanation.of(Reason.CONDORCET_LOST, beatenBy, tiedWith));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("condorcetWinner", w < 0 ? null : e.id(w));
        return new CountResult(name(), w < 0 ? List.of() : List.of(e.id(w)), rounds, List.of(), lost, summary);
    }
}
