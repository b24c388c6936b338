package org.civicloop.jury.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

/** Drawing from distributions: quotas, households, determinism, and empirical frequencies. */
class DrawTest {

    private static final SelectionOptions OPTIONS = SelectionOptions.defaults();
    private static Pool households;
    private static Quotas householdQuotas;
    private static PanelDistribution householdDistribution;

    @BeforeAll
    static void setUp() {
        households = SyntheticPool.pool(60, 0.4, "draw-test-pool");
        householdQuotas = SyntheticPool.quotas(8);
        householdDistribution = Selection.leximin(households, householdQuotas, 8, OPTIONS);
    }

    @Test
    void everyDrawnPanelMeetsQuotasAndHouseholdRule() {
        assertTrue(households.householdCount() < households.size(), "the pool has shared households");
        for (int i = 0; i < 300; i++) {
            Panel p = householdDistribution.draw("seed-" + i);
            assertEquals(8, p.size());
            assertEquals(List.of(), householdQuotas.violations(p.members()));
            assertTrue(p.respectsHouseholds(), "household rule broken by " + p.ids());
        }
        for (int i = 0; i < 50; i++) {
            Panel p = Selection.legacyDraw(households, householdQuotas, 8, OPTIONS, "legacy-" + i);
            assertEquals(List.of(), householdQuotas.violations(p.members()));
            assertTrue(p.respectsHouseholds());
        }
    }

    @Test
    void householdsAreNeverSelectedTogether() {
        // Two people at the same (differently written) address are the only ones with value "x".
        Pool pool = TestData.pool(List.of("g"), "1 x Main_St_1", "2 x main-st-1", "3 y", "4 y", "5 y");
        Pool normalised = Pool.of(pool.people().stream()
                .map(p -> Person.of(p.id(), p.features(), p.addressKey() == null ? null
                        : org.civicloop.jury.selection.model.Addresses.key(List.of(p.addressKey()))))
                .toList());
        Quotas q = Quotas.of(Quota.of("g", "x", 1, 2), Quota.of("g", "y", 0, 3));
        PanelDistribution d = Selection.leximin(normalised, q, 3, OPTIONS);
        assertEquals(0.5, d.probability("1"), 1e-7);
        assertEquals(0.5, d.probability("2"), 1e-7);
        for (int i = 0; i < 200; i++) {
            Panel p = d.draw("h" + i);
            assertTrue(p.contains("1") ^ p.contains("2"), p.ids().toString());
        }
    }

    @Test
    void probabilitiesSumToPanelSize() {
        double sum = householdDistribution.marginals().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(8.0, sum, 1e-6);
        double compositions = householdDistribution.compositions().stream()
                .mapToDouble(PanelComposition::probability).sum();
        assertEquals(1.0, compositions, 1e-9);
    }

    @Test
    void sameSeedSamePanelDifferentSeedsDiffer() {
        Panel a = householdDistribution.draw("2026-jury");
        Panel b = householdDistribution.draw("2026-jury");
        assertEquals(a, b);
        Set<List<String>> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            distinct.add(householdDistribution.draw("seed " + i).ids());
        }
        assertTrue(distinct.size() >= 5, "different seeds should give different panels");
        PanelDistribution small = smallExample();
        Set<List<String>> smallPanels = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            smallPanels.add(small.draw("seed " + i).ids());
        }
        assertEquals(20, smallPanels.size(), "200 choose 20: different seeds give different panels");
        assertEquals(small.draw("42"), smallExample().draw("42"));
        assertNotEquals(small.draw("42").ids(), small.draw("42 ").ids());
        // the distribution itself is deterministic
        PanelDistribution again = Selection.leximin(households, householdQuotas, 8, OPTIONS);
        assertEquals(householdDistribution.marginals(), again.marginals());
        assertEquals(a, again.draw("2026-jury"));
    }

    @Test
    void empiricalFrequenciesMatchProbabilities() {
        // The hand-worked unequal case (probabilities 1/4 and 3/8) and the small example (1/10 each).
        Pool pool = TestData.pool(List.of("gender", "age"),
                "A f y", "B f o", "C f o", "D m y", "E m y", "F m y", "G m o");
        Quotas quotas = Quotas.of(Quota.of("gender", "f", 1, 1), Quota.of("gender", "m", 1, 1),
                Quota.of("age", "y", 1, 1), Quota.of("age", "o", 1, 1));
        checkFrequencies(Selection.leximin(pool, quotas, 2, OPTIONS), 2000);
        checkFrequencies(householdDistribution, 2000);
        checkFrequencies(smallExample(), 2000);
    }

    private static PanelDistribution smallExample() {
        try {
            TestData.Instance ex = TestData.example("example_small_20");
            return Selection.leximin(ex.pool(), ex.quotas(), 20, OPTIONS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void checkFrequencies(PanelDistribution d, int draws) {
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            for (String id : d.draw("freq/" + i).ids()) {
                count.merge(id, 1, Integer::sum);
            }
        }
        for (var e : d.marginals().entrySet()) {
            double p = e.getValue();
            double f = count.getOrDefault(e.getKey(), 0) / (double) draws;
            double sd = Math.sqrt(Math.max(p * (1 - p), 1e-12) / draws);
            // 5 standard deviations (plus a little slack for p near 0): a false alarm has probability ~1e-6 each
            assertTrue(Math.abs(f - p) <= 5 * sd + 1.0 / draws,
                    e.getKey() + ": frequency " + f + " vs probability " + p);
        }
    }

    @Test
    void probabilityOfConcretePanels() {
        Pool pool = TestData.pool(List.of("gender", "age"),
                "A f y", "B f o", "C f o", "D m y", "E m y", "F m y", "G m o");
        Quotas quotas = Quotas.of(Quota.of("gender", "f", 1, 1), Quota.of("gender", "m", 1, 1),
                Quota.of("age", "y", 1, 1), Quota.of("age", "o", 1, 1));
        PanelDistribution d = Selection.leximin(pool, quotas, 2, OPTIONS);
        assertEquals(0.25, d.probabilityOf(new Panel(pool.resolve(List.of("A", "G")))), 1e-7);
        assertEquals(0.75 / 6, d.probabilityOf(new Panel(pool.resolve(List.of("B", "E")))), 1e-7);
        assertEquals(0.0, d.probabilityOf(new Panel(pool.resolve(List.of("A", "B")))), 0);
    }

    @Test
    void statisticsByValue() {
        var stats = householdDistribution.stats();
        assertEquals(8.0 / 60, stats.mean(), 1e-9);
        assertTrue(stats.minimum() > 0);
        assertTrue(stats.byValue().keySet().containsAll(householdQuotas.quotas().stream().map(Quota::value)
                .collect(Collectors.toSet())));
    }
}
