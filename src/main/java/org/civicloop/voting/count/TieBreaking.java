package org.civicloop.voting.count;

import java.util.List;

/** The one tie-breaking order used by every rule. */
public final class TieBreaking {

    public static final String METHOD = "lexicographic order of option ids (the smaller id is favoured)";

    private TieBreaking() {
    }

    /** The favoured option among tied ones: the lexicographically smallest id. */
    public static int favoured(Election e, List<Integer> tied) {
        int best = tied.get(0);
        for (int o : tied) {
            if (e.compareIds(o, best) < 0) {
                best = o;
            }
        }
        return best;
    }

    /** The disfavoured option among tied ones (to be eliminated): the lexicographically largest id. */
    public static int disfavoured(Election e, List<Integer> tied) {
        int worst = tied.get(0);
        for (int o : tied) {
            if (e.compareIds(o, worst) > 0) {
                worst = o;
            }
        }
        return worst;
    }
}
