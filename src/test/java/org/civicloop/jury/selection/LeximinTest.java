package org.civicloop.jury.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

class LeximinTest {

    private static final SelectionOptions OPTIONS = SelectionOptions.defaults();

    @Test
    void smallExampleGivesEveryoneTenPercent() throws Exception {
        TestData.Instance ex = TestData.example("example_small_20");
        PanelDistribution d = Selection.leximin(ex.pool(), ex.quotas(), 20, OPTIONS);
        assertEquals(200, d.marginals().size());
        assertEquals(0.10, d.minimumProbability(), 1e-6);
        for (double p : d.marginals().values()) {
            assertEquals(0.10, p, 1e-6);
        }
        assertEquals(20.0, d.marginals().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    }

    @Test
    void largeExampleGivesEveryoneTenPercent() throws Exception {
        TestData.Instance ex = TestData.example("example_large_200");
        PanelDistribution d = Selection.leximin(ex.pool(), ex.quotas(), 200, OPTIONS);
        assertEquals(0.10, d.minimumProbability(), 1e-6);
        assertEquals(200.0, d.marginals().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        Panel panel = d.draw("large");
        assertEquals(200, panel.size());
        assertTrue(ex.quotas().satisfiedBy(panel.members()));
    }

    /**
     * Hand-worked: gender f/m and age y/o, one of each per panel of 2. Pool: A (f,y); B, C (f,o); D, E, F (m,y);
     * G (m,o). Panels are {A,G} or {B|C, D|E|F}. With q = P({A,G}): A = G = q, B = C = (1-q)/2, D = E = F = (1-q)/3.
     * Maximin: q = (1-q)/3, q = 1/4, so A, G, D, E, F get 1/4; then B and C cannot rise above 3/8.
     */
    @Test
    void handWorkedUnequalCase() {
        Pool pool = TestData.pool(List.of("gender", "age"),
                "A f y", "B f o", "C f o", "D m y", "E m y", "F m y", "G m o");
        Quotas quotas = Quotas.of(Quota.of("gender", "f", 1, 1), Quota.of("gender", "m", 1, 1),
                Quota.of("age", "y", 1, 1), Quota.of("age", "o", 1, 1));
        PanelDistribution d = Selection.leximin(pool, quotas, 2, OPTIONS);
        Map<String, Double> p = d.marginals();
        for (String id : List.of("A", "G", "D", "E", "F")) {
            assertEquals(0.25, p.get(id), 1e-7, id);
        }
        assertEquals(0.375, p.get("B"), 1e-7);
        assertEquals(0.375, p.get("C"), 1e-7);
        PanelDistribution mm = Selection.maximin(pool, quotas, 2, OPTIONS);
        assertEquals(0.25, mm.minimumProbability(), 1e-7);
    }
}
