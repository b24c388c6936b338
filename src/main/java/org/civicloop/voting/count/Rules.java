package org.civicloop.voting.count;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.rules.Borda;
import org.civicloop.voting.count.rules.CondorcetCheck;
import org.civicloop.voting.count.rules.EqualShares;
import org.civicloop.voting.count.rules.Greedy;
import org.civicloop.voting.count.rules.Irv;
import org.civicloop.voting.count.rules.MeekStv;
import org.civicloop.voting.count.rules.Schulze;
import org.civicloop.voting.count.rules.ScottishStv;

/** All counting rules by name. */
public final class Rules {

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        for (Rule r : List.of(new Irv(), new Schulze(), new Borda(), new CondorcetCheck(), new MeekStv(),
                new ScottishStv(), new Greedy(), EqualShares.mes(), EqualShares.add1())) {
            RULES.put(r.name(), r);
        }
    }

    private Rules() {
    }

    /** The rule with this name, or null. */
    public static Rule get(String name) {
        return RULES.get(name);
    }

    /** Rule names: irv, schulze, borda, condorcet, stv-meek, stv-scottish, greedy, mes, mes-add1. */
    public static List<String> names() {
        return List.copyOf(RULES.keySet());
    }

    /** Convenience: count with the named rule. */
    public static CountResult count(String rule, Election e, Profile p, CountOptions o) {
        Rule r = get(rule);
        if (r == null) {
            throw new IllegalArgumentException("unknown rule '" + rule + "'");
        }
        return r.count(e, p, o == null ? CountOptions.DEFAULT : o);
    }
}
