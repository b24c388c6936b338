package org.civicloop.jury.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

class QuotaCheckTest {

    private static final Pool POOL = TestData.pool(List.of("gender", "age"),
            "1 f young", "2 f old", "3 f old", "4 m old", "5 m old", "6 m old", "7 m young");

    @Test
    void feasibleQuotasHaveNoDiagnosis() {
        Quotas q = Quotas.of(Quota.of("gender", "f", 1, 2), Quota.of("gender", "m", 1, 2),
                Quota.of("age", "young", 1, 2), Quota.of("age", "old", 1, 2));
        assertTrue(QuotaCheck.diagnose(POOL, q, 3).isEmpty());
    }

    @Test
    void tooFewPeopleWithAValueIsNamedAndRelaxed() {
        // three young people needed, only two in the pool
        Quotas q = Quotas.of(Quota.of("gender", "f", 0, 4), Quota.of("gender", "m", 0, 4),
                Quota.of("age", "young", 3, 4), Quota.of("age", "old", 0, 4));
        Infeasibility inf = QuotaCheck.diagnose(POOL, q, 4).orElseThrow();
        assertEquals(List.of(FeatureValue.of("age", "young")), inf.values());
        assertEquals(1, inf.totalRelaxation());
        assertEquals(2, inf.relaxedQuotas().orElseThrow().get(FeatureValue.of("age", "young")).orElseThrow().min());
        assertTrue(QuotaCheck.diagnose(POOL, inf.relaxedQuotas().get(), 4).isEmpty(), "relaxation must be feasible");
        InfeasibleQuotasException e = assertThrows(InfeasibleQuotasException.class,
                () -> Selection.leximin(POOL, q, 4, SelectionOptions.defaults()));
        assertTrue(e.getMessage().contains("age=young"), e.getMessage());
    }

    @Test
    void conflictingFeaturesAreNamedWithSmallestRelaxation() {
        // Panel of 2: both female (f max... min 2) and both young, but only one young woman exists.
        Quotas q = Quotas.of(Quota.of("gender", "f", 2, 2), Quota.of("gender", "m", 0, 0),
                Quota.of("age", "young", 2, 2), Quota.of("age", "old", 0, 0));
        Infeasibility inf = QuotaCheck.diagnose(POOL, q, 2).orElseThrow();
        assertEquals(2, inf.totalRelaxation(), inf.message());
        assertFalse(inf.values().isEmpty());
        Quotas relaxed = inf.relaxedQuotas().orElseThrow();
        assertTrue(QuotaCheck.diagnose(POOL, relaxed, 2).isEmpty());
        PanelDistribution d = Selection.leximin(POOL, relaxed, 2, SelectionOptions.defaults());
        assertTrue(relaxed.satisfiedBy(d.draw("x").members()));
    }

    @Test
    void sumOfMinimumsAboveThePanelSize() {
        Quotas q = Quotas.of(Quota.of("gender", "f", 2, 3), Quota.of("gender", "m", 2, 3),
                Quota.of("age", "young", 0, 3), Quota.of("age", "old", 0, 3));
        Infeasibility inf = QuotaCheck.diagnose(POOL, q, 3).orElseThrow();
        assertTrue(inf.values().containsAll(List.of(FeatureValue.of("gender", "f"), FeatureValue.of("gender", "m"))));
        assertTrue(inf.reasons().stream().anyMatch(r -> r.contains("minimums of gender")), inf.message());
        assertEquals(1, inf.totalRelaxation());
        assertTrue(QuotaCheck.diagnose(POOL, inf.relaxedQuotas().orElseThrow(), 3).isEmpty());
    }

    @Test
    void householdsLimitThePanel() {
        Pool pool = TestData.pool(List.of("g"), "1 a H1", "2 a H1", "3 b H2", "4 b H2");
        Quotas q = Quotas.of(Quota.of("g", "a", 0, 3), Quota.of("g", "b", 0, 3));
        Infeasibility inf = QuotaCheck.diagnose(pool, q, 3).orElseThrow();
        assertFalse(inf.relaxable());
        assertTrue(inf.message().contains("households"), inf.message());
    }

    @Test
    void quotasFromPopulationShares() {
        Quotas q = Quotas.fromShares(Map.of("age", Map.of("young", 0.25, "old", 0.75)), 10, 0.0);
        assertEquals(new Quota(FeatureValue.of("age", "young"), 2, 3), q.get(FeatureValue.of("age", "young")).get());
        assertEquals(new Quota(FeatureValue.of("age", "old"), 7, 8), q.get(FeatureValue.of("age", "old")).get());
        Quotas exact = Quotas.fromShares(Map.of("g", Map.of("x", 0.5, "y", 0.5)), 10, 0.0);
        assertEquals(5, exact.get(FeatureValue.of("g", "x")).get().min());
        assertEquals(5, exact.get(FeatureValue.of("g", "x")).get().max());
        Quotas tolerant = Quotas.fromShares(Map.of("g", Map.of("x", 0.5, "y", 0.5)), 10, 0.1);
        assertEquals(4, tolerant.get(FeatureValue.of("g", "x")).get().min());
        assertEquals(6, tolerant.get(FeatureValue.of("g", "x")).get().max());
    }
}
