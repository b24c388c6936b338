package org.civicloop.voting.count;

import java.util.List;

/** The one tie-breaking order used by every rule. */
public final class TieBreaking {

    public static final String METHOD = "lexicographic order of option ids (the smaller id is favoured)";

    /** The STV rule's first tie-break: the tied candidates' votes at the earliest stage at which they differed. */
    public static final String EARLIER_STAGE = "votes at the earliest stage at which the tied candidates differed";
    /** The STV rule's last tie-break, when the tied candidates were equal at every stage. */
    public static final String EVERY_STAGE = "equal at every stage; " + METHOD;

    private TieBreaking() {
    }

    /**
     * A tie-break method as a code ({@code count.tie.CODE} in the message bundles writes it in a language):
     * LEXICOGRAPHIC, EARLIER_STAGE or EVERY_STAGE_LEXICOGRAPHIC; OTHER for a text this version does not know.
     */
    public static String code(String method) {
        if (METHOD.equals(method)) {
            return "LEXICOGRAPHIC";
        }
        if (EARLIER_STAGE.equals(method)) {
            return "EARLIER_STAGE";
        }
        return EVERY_STAGE.equals(method) ? "EVERY_STAGE_LEXICOGRAPHIC" : "OTHER";
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
