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
    void theReasonsAreDataAndTheCommandLineMessageIsUnchanged() {
        Quotas q = Quotas.of(Quota.of("gender", "f", 0, 4), Quota.of("gender", "m", 0, 4),
                Quota.of("age", "young", 3, 4), Quota.of("age", "old", 0, 4));
        Infeasibility inf = QuotaCheck.diagnose(POOL, q, 4).orElseThrow();
        assertEquals(List.of(new Infeasibility.Reason(Infeasibility.Kind.TOO_FEW_WITH_VALUE, "age", "young", 2, 3)),
                inf.reasons());
        assertEquals(List.of(new QuotaChange(FeatureValue.of("age", "young"), 3, 4, 2, 4)), inf.relaxation());
        assertEquals("The quotas cannot be met because of age=young:\n"
                + "  - age=young: minimum 3 but only 2 people in the pool\n"
                + "Smallest relaxation that makes a panel possible (total 1):\n"
                + "  age=young: [3, 4] -> [2, 4]\n", inf.message());

        Pool households = TestData.pool(List.of("g"), "1 a H1", "2 a H1", "3 b H2", "4 b H2");
        Infeasibility none = QuotaCheck.diagnose(households, Quotas.of(Quota.of("g", "a", 0, 3),
                Quota.of("g", "b", 0, 3)), 3).orElseThrow();
        assertEquals(List.of(new Infeasibility.Reason(Infeasibility.Kind.TOO_FEW_HOUSEHOLDS, null, null, 2, 3),
                new Infeasibility.Reason(Infeasibility.Kind.MAXIMUMS_BELOW_PANEL, "g", null, 2, 3)), none.reasons());
        assertEquals("The quotas cannot be met:\n"
                + "  - the panel size 3 exceeds the number of households 2 (at most one person per household)\n"
                + "  - the maximums of g (capped by the people available) add up to 2, less than the panel size 3\n"
                + "No change of quotas helps: the panel size cannot be reached.\n", none.message());

        Infeasibility one = QuotaCheck.diagnose(households, Quotas.of(Quota.of("g", "a", 2, 2),
                Quota.of("g", "b", 0, 2)), 2).orElseThrow();
        assertEquals(new Infeasibility.Reason(Infeasibility.Kind.TOO_FEW_HOUSEHOLDS_WITH_VALUE, "g", "a", 1, 2),
                one.reasons().get(0), one.message());
        assertTrue(one.message().contains("  - g=a: minimum 2 but only 1 person in the pool (counting one per"
                + " household)\n"), one.message());

        Infeasibility small = QuotaCheck.diagnose(POOL, Quotas.of(Quota.of("age", "young", 0, 9),
                Quota.of("age", "old", 0, 9)), 8).orElseThrow();
        assertEquals(new Infeasibility.Reason(Infeasibility.Kind.POOL_TOO_SMALL, null, null, 7, 8),
                small.reasons().get(0));
        assertTrue(small.message().contains("  - the panel size 8 exceeds the pool size 7\n"), small.message());
    }

    @Test
    void conflictingFeaturesAreNamedWithSmallestRelaxation() {
        // Panel of 2: both female (f max... min 2) and both young, but only one young woman exists.
        Quotas q = Quotas.of(Quota.of("gender", "f", 2, 2), Quota.of("gender", "m", 0, 0),
                Quota.of("age", "young", 2, 2), Quota.of("age", "old", 0, 0));
        Infeasibility inf = QuotaCheck.diagnose(POOL, q, 2).orElseThrow();
        assertEquals(2, inf.totalRelaxation(), inf.message());
        assertFalse(inf.values().isEmpty());
        assertEquals(List.of(new Infeasibility.Reason(Infeasibility.Kind.QUOTAS_CONFLICT, null, null, 0, 2)),
                inf.reasons());
        assertTrue(inf.message().contains("(the values named need changes: " + String.join(", ",
                inf.relaxation().stream().map(c -> c.value().toString()).toList()) + ")"), inf.message());
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
        assertTrue(inf.reasonTexts().stream().anyMatch(r -> r.contains("minimums of gender")), inf.message());
        assertTrue(inf.reasons().contains(new Infeasibility.Reason(Infeasibility.Kind.MINIMUMS_ABOVE_PANEL, "gender",
                null, 4, 3)), inf.reasons().toString());
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
