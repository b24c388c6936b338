package org.civicloop.measure;

import static org.civicloop.measure.IndicatorKind.DISTRIBUTIONAL;
import static org.civicloop.measure.IndicatorKind.OUTCOME;
import static org.civicloop.measure.IndicatorKind.OUTPUT;
import static org.civicloop.measure.IndicatorKind.SATISFACTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndicatorSetRuleTest {

    @Test
    void aSetWithoutAnOutcomeIndicatorIsRefused() {
        assertEquals(Optional.of("refused.indicatorSet.noOutcome"), IndicatorSetRule.check(List.of()));
        assertEquals(Optional.of("refused.indicatorSet.noOutcome"),
                IndicatorSetRule.check(List.of(OUTPUT, SATISFACTION, DISTRIBUTIONAL)));
    }

    @Test
    void anOutcomeAloneOrWithSatisfactionOnlyIsRefused() {
        assertEquals(Optional.of("refused.indicatorSet.onlySatisfaction"), IndicatorSetRule.check(List.of(OUTCOME)));
        assertEquals(Optional.of("refused.indicatorSet.onlySatisfaction"),
                IndicatorSetRule.check(List.of(OUTCOME, SATISFACTION, SATISFACTION)));
    }

    @Test
    void anOutcomeWithAnotherNonSatisfactionIndicatorPasses() {
        assertTrue(IndicatorSetRule.check(List.of(OUTCOME, OUTPUT)).isEmpty());
        assertTrue(IndicatorSetRule.check(List.of(SATISFACTION, OUTCOME, DISTRIBUTIONAL)).isEmpty());
        assertTrue(IndicatorSetRule.check(List.of(OUTCOME, OUTCOME)).isEmpty());
    }
}
