package org.civicloop.jury.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /**
     * The relaxation route (leximin of the linear relaxation, then decomposed into panels) gives the same selection
     * probabilities as the stage-by-stage column generation of the paper, on a pool with shared households and
     * unequal probabilities.
     */
    @Test
    void relaxationRouteMatchesStageByStageColumnGenerationWithHouseholds() {
        Pool pool = SyntheticPool.pool(60, 0.4, "draw-test-pool");
        Quotas quotas = SyntheticPool.quotas(8);
        assertTrue(pool.householdCount() < pool.size());
        PanelDistribution d = Selection.leximin(pool, quotas, 8, OPTIONS);
        assertEquals("relaxation + decomposition", d.diagnostics().get("algorithm"));
        assertEquals(true, d.diagnostics().get("complete"));
        assertTrue((double) d.diagnostics().get("certifiedGap") < 1e-6, d.diagnostics().toString());

        TypeModel m = TypeModel.build(pool, quotas);
        FairDistributionSolver.Result stages;
        try (PanelIlp ilp = new PanelIlp(m, 8)) {
            stages = FairDistributionSolver.byStages(m, 8, true, OPTIONS, ilp);
        }
        PanelDistribution reference = new PanelDistribution(Method.LEXIMIN, 8, m, stages.compositions(),
                stages.probabilities(), Map.of());
        double lowest = 1;
        double highest = 0;
        for (var e : reference.marginals().entrySet()) {
            assertEquals(e.getValue(), d.probability(e.getKey()), 1e-6, e.getKey());
            lowest = Math.min(lowest, e.getValue());
            highest = Math.max(highest, e.getValue());
        }
        assertTrue(highest > lowest + 0.01, "probabilities differ, so the comparison says something");
    }

    /**
     * With a tolerance (applied here to a small pool by lowering the exact-up-to bound to 0), the decomposition stops
     * early, reproducibly, and still gives every person at least (1 - tolerance) of their exact leximin probability.
     */
    @Test
    void toleranceStopsEarlyAndKeepsEveryoneWithinItOfTheExactLeximin() {
        Pool pool = SyntheticPool.pool(60, 0.4, "draw-test-pool");
        Quotas quotas = SyntheticPool.quotas(8);
        TypeModel m = TypeModel.build(pool, quotas);
        FairDistributionSolver.Result exact = FairDistributionSolver.solve(m, 8, true, OPTIONS.withTolerance(0), 0);
        FairDistributionSolver.Result close = FairDistributionSolver.solve(m, 8, true, OPTIONS.withTolerance(0.05), 0);
        assertEquals(true, exact.details().get("exact"), exact.details().toString());
        assertEquals(true, close.details().get("complete"), close.details().toString());
        assertEquals(false, close.details().get("exact"), close.details().toString());
        double lambda = (double) close.details().get("lambda");
        assertTrue(lambda >= 0.95 && lambda < 1, close.details().toString());
        assertTrue(close.lpSolves() < exact.lpSolves(), "stopped earlier");
        double[] full = marginals(m, exact);
        double[] near = marginals(m, close);
        double sum = 0;
        for (int t = 0; t < full.length; t++) {
            assertTrue(near[t] >= 0.95 * full[t] - 1e-9, "group " + t + ": " + near[t] + " against " + full[t]);
            sum += near[t] * m.size[t];
        }
        assertEquals(8, sum, 1e-6);
        FairDistributionSolver.Result again = FairDistributionSolver.solve(m, 8, true, OPTIONS.withTolerance(0.05), 0);
        assertTrue(java.util.Arrays.equals(close.probabilities(), again.probabilities()), "reproducible");
        // at the default bound this pool is small enough to be solved exactly whatever the tolerance
        assertEquals(true, FairDistributionSolver.solve(m, 8, true, OPTIONS.withTolerance(0.05)).details()
                .get("exact"));
    }

    private static double[] marginals(TypeModel m, FairDistributionSolver.Result r) {
        double[] x = new double[m.typeCount()];
        for (int j = 0; j < r.compositions().size(); j++) {
            for (int t = 0; t < x.length; t++) {
                x[t] += r.probabilities()[j] * r.compositions().get(j)[t] / m.size[t];
            }
        }
        return x;
    }

    /**
     * A pool whose linear relaxation is not tight: with one of each gender, age and area on a panel of 2, the
     * relaxation mixes A, B, C and D half and half, but the only real panel is {D, E}. The relaxation's point must be
     * cut off (or the stage-by-stage fallback used), never returned.
     */
    @Test
    void relaxationPointThatIsNoMixtureOfPanelsIsNotReturned() {
        Pool pool = TestData.pool(List.of("gender", "age", "area"),
                "A f y n", "B f o s", "C m y s", "D m o n", "E f y s");
        Quotas quotas = Quotas.of(Quota.of("gender", "f", 1, 1), Quota.of("gender", "m", 1, 1),
                Quota.of("age", "y", 1, 1), Quota.of("age", "o", 1, 1),
                Quota.of("area", "n", 1, 1), Quota.of("area", "s", 1, 1));
        PanelDistribution d = Selection.leximin(pool, quotas, 2, OPTIONS);
        Map<String, Double> p = d.marginals();
        assertEquals(1.0, p.get("D"), 1e-7);
        assertEquals(1.0, p.get("E"), 1e-7);
        for (String id : List.of("A", "B", "C")) {
            assertEquals(0.0, p.get(id), 1e-7, id);
        }
        Object cuts = d.diagnostics().get("cuts");
        assertTrue(cuts == null || (int) cuts > 0, "the relaxation alone would have given A, B, C a chance");
    }

    /** With a time limit the best mixture so far is returned, marked incomplete, with an honest certified gap. */
    @Test
    void timeLimitReturnsAValidMixtureWithItsCertifiedGap() {
        Pool pool = SyntheticPool.pool(400, 0.25, "time-limit-pool");
        Quotas quotas = SyntheticPool.quotas(20);
        PanelDistribution d = Selection.leximin(pool, quotas, 20, OPTIONS.withTimeLimitSeconds(1e-6));
        Map<String, Object> diag = d.diagnostics();
        assertEquals(false, diag.get("complete"), diag.toString());
        double upper = (double) diag.get("upperBoundMinimum");
        double gap = (double) diag.get("certifiedGap");
        assertEquals(Math.max(0, upper - d.minimumProbability()), gap, 1e-9);
        assertTrue(upper >= d.minimumProbability() - 1e-7);
        assertEquals(20.0, d.marginals().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        for (int i = 0; i < 20; i++) {
            Panel panel = d.draw("limited-" + i);
            assertEquals(List.of(), quotas.violations(panel.members()));
            assertTrue(panel.respectsHouseholds());
        }
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withTimeLimitSeconds(-1));
    }

    /**
     * A work limit (master LP solves) cuts the computation at the same point on every machine: two runs give the same
     * distribution and the same panel for a seed, marked incomplete with its certified gap; a larger limit gets at
     * least as close to the leximin target.
     */
    @Test
    void workLimitIsDeterministicAndReportsItsCertifiedGap() throws Exception {
        Pool pool = SyntheticPool.pool(400, 0.25, "time-limit-pool");
        Quotas quotas = SyntheticPool.quotas(20);
        PanelDistribution a = Selection.leximin(pool, quotas, 20, OPTIONS.withWorkLimit(3));
        PanelDistribution b = Selection.leximin(pool, quotas, 20, OPTIONS.withWorkLimit(3));
        Map<String, Object> diag = a.diagnostics();
        assertEquals(false, diag.get("complete"), diag.toString());
        assertEquals("work limit", diag.get("limitedBy"));
        assertEquals(3, diag.get("workLimit"));
        assertEquals(3, diag.get("lpSolves"));
        double upper = (double) diag.get("upperBoundMinimum");
        assertEquals(Math.max(0, upper - a.minimumProbability()), (double) diag.get("certifiedGap"), 1e-9);
        assertTrue((double) diag.get("lambda") < 1 - 1e-9, diag.toString());
        assertEquals(a.marginals(), b.marginals());
        assertEquals(a.compositionCount(), b.compositionCount());
        for (int i = 0; i < 20; i++) {
            Panel panel = a.draw("work-" + i);
            assertEquals(panel.ids(), b.draw("work-" + i).ids());
            assertEquals(List.of(), quotas.violations(panel.members()));
            assertTrue(panel.respectsHouseholds());
        }
        assertEquals(20.0, a.marginals().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        PanelDistribution more = Selection.leximin(pool, quotas, 20, OPTIONS.withWorkLimit(30));
        assertTrue((double) more.diagnostics().get("lambda") >= (double) diag.get("lambda") - 1e-9,
                more.diagnostics().toString());
        TestData.Instance ex = TestData.example("example_small_20");
        PanelDistribution generous = Selection.leximin(ex.pool(), ex.quotas(), 20, OPTIONS.withWorkLimit(1000));
        assertEquals(true, generous.diagnostics().get("complete"), "a limit that is not reached changes nothing");
        assertEquals(null, generous.diagnostics().get("limitedBy"));
        assertEquals(0.10, generous.minimumProbability(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withWorkLimit(-1));
    }
}
