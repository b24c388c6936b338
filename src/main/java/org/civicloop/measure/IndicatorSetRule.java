package org.civicloop.measure;

import java.util.Collection;
import java.util.Optional;

/**
 * The indicator-set rule (a Goodhart safeguard), applied when an objective's indicator set is published: the set
 * needs at least one OUTCOME indicator, and at least one further indicator that is not SATISFACTION (another outcome,
 * an output, a distributional, perception or trust measure). One outcome figure alone can be pushed up at the cost of
 * what it does not see, and outputs or satisfaction scores alone say what was done and whether people liked it, not
 * whether lives changed. Readings can only be recorded for indicators of a published set, so no figure appears
 * publicly from a set that breaks the rule.
 */
public final class IndicatorSetRule {

    private IndicatorSetRule() {
    }

    /** The refusal key when the set breaks the rule, empty when it may be published. */
    public static Optional<String> check(Collection<IndicatorKind> kinds) {
        if (!kinds.contains(IndicatorKind.OUTCOME)) {
            return Optional.of("refused.indicatorSet.noOutcome");
        }
        long notSatisfaction = kinds.stream().filter(k -> k != IndicatorKind.SATISFACTION).count();
        if (notSatisfaction < 2) {
            return Optional.of("refused.indicatorSet.onlySatisfaction");
        }
        return Optional.empty();
    }
}
