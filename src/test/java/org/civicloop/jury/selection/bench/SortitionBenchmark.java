package org.civicloop.jury.selection.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.civicloop.jury.selection.PanelDistribution;
import org.civicloop.jury.selection.ProbabilityStats;
import org.civicloop.jury.selection.Selection;
import org.civicloop.jury.selection.SelectionOptions;
import org.civicloop.jury.selection.SyntheticPool;
import org.civicloop.jury.selection.TestData;
import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;

/**
 * Timings of the sortition engine; not part of {@code mvn test}, and skipped even when a {@code -Dtest} pattern
 * such as {@code org.civicloop.jury.selection.**} matches it, unless {@code -Dsortition.bench=true}:
 * <pre>mvn -q test -Dtest='org.civicloop.jury.selection.bench.*Benchmark' -Dsortition.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Figures go to stderr; record them in docs/performance.md (section "Jury selection").
 */
@EnabledIfSystemProperty(named = "sortition.bench", matches = "true")
class SortitionBenchmark {

    private static final SelectionOptions OPTIONS = SelectionOptions.defaults()
            .withProgress(m -> System.err.println("  " + m));

    /**
     * The tolerance of the small, large and realistic runs: {@code -Dsortition.bench.tolerance=T}, by default the
     * engine's ({@link SelectionOptions#DEFAULT_TOLERANCE}); 0 asks for the exact leximin.
     */
    private static final double TOLERANCE = Double.parseDouble(System.getProperty("sortition.bench.tolerance",
            String.valueOf(SelectionOptions.DEFAULT_TOLERANCE)));

    /** Also runnable without Maven: {@code java -cp ... SortitionBenchmark [small|large|realistic]...}. */
    public static void main(String[] args) throws Exception {
        SortitionBenchmark b = new SortitionBenchmark();
        for (String a : args.length == 0 ? new String[] {"small", "large", "realistic"} : args) {
            switch (a) {
                case "small" -> b.exampleSmall20();
                case "large" -> b.exampleLarge200();
                case "realistic" -> b.realisticPool2000Panel40WithHouseholds();
                case "realistic-limited" -> b.realisticWithFiveMinuteLimit();
                case "realistic-work" -> b.realisticWithWorkLimit();
                default -> throw new IllegalArgumentException(a);
            }
        }
    }

    @Test
    void exampleSmall20() throws Exception {
        TestData.Instance ex = TestData.example("example_small_20");
        run("example_small_20 leximin", ex.pool(), ex.quotas(), 20, 2.0, 0.10);
    }

    @Test
    void exampleLarge200() throws Exception {
        TestData.Instance ex = TestData.example("example_large_200");
        run("example_large_200 leximin", ex.pool(), ex.quotas(), 200, 120.0, 0.10);
    }

    @Test
    void realisticPool2000Panel40WithHouseholds() {
        Pool pool = SyntheticPool.pool(2000, 0.25, "civicloop-benchmark-pool");
        Quotas quotas = SyntheticPool.quotas(40);
        System.err.println("realistic pool: " + pool.size() + " people, " + pool.householdCount()
                + " households, quotas " + quotas);
        run("realistic 2000/40 households leximin", pool, quotas, 40, 300.0, -1);
    }

    /**
     * The realistic pool with a 5-minute limit: the best mixture found in time, with its certified gap (how far its
     * minimum probability can be from the optimum).
     */
    @Test
    void realisticWithFiveMinuteLimit() {
        Pool pool = SyntheticPool.pool(2000, 0.25, "civicloop-benchmark-pool");
        Quotas quotas = SyntheticPool.quotas(40);
        long t0 = System.nanoTime();
        PanelDistribution d = Selection.leximin(pool, quotas, 40, OPTIONS.withTimeLimitSeconds(300)
                .withTolerance(TOLERANCE));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProbabilityStats s = d.stats();
        System.err.printf("BENCH realistic 2000/40 households leximin, 300 s limit: %.2f s; min %.6f, max %.6f,"
                + " gini %.4f; %d compositions; %s%n", seconds, s.minimum(), s.maximum(), s.gini(),
                d.compositionCount(), d.diagnostics());
        Panel p = d.draw("bench");
        assertTrue(quotas.satisfiedBy(p.members()));
        assertTrue(p.respectsHouseholds());
        assertTrue((double) d.diagnostics().get("certifiedGap") >= 0);
    }

    /**
     * The realistic pool with a deterministic work limit ({@code -Dsortition.bench.work=N} master LP solves, default
     * 150): the same mixture on every machine, with its certified gap. Run twice to show that the result does not
     * depend on timing.
     */
    @Test
    void realisticWithWorkLimit() {
        Pool pool = SyntheticPool.pool(2000, 0.25, "civicloop-benchmark-pool");
        Quotas quotas = SyntheticPool.quotas(40);
        int limit = Integer.getInteger("sortition.bench.work", 150);
        loadNatives();
        PanelDistribution first = null;
        for (int run = 1; run <= 2; run++) {
            double load0 = load();
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            PanelDistribution d = Selection.leximin(pool, quotas, 40, OPTIONS.withWorkLimit(limit));
            double seconds = (System.nanoTime() - t0) / 1e9;
            ProbabilityStats s = d.stats();
            System.err.printf("BENCH realistic 2000/40 households leximin, work limit %d LP solves (run %d): %.2f s"
                    + " wall, %.2f s CPU (load average %.1f -> %.1f); min %.7f, max %.6f; %d compositions;"
                    + " panel for seed 'bench' %s; %s%n", limit, run, seconds, (cpu() - cpu0) / 1e9, load0, load(),
                    s.minimum(), s.maximum(), d.compositionCount(), d.draw("bench").ids(), d.diagnostics());
            Panel p = d.draw("bench");
            assertTrue(quotas.satisfiedBy(p.members()));
            assertTrue(p.respectsHouseholds());
            if (first == null) {
                first = d;
            } else {
                assertEquals(first.marginals(), d.marginals(), "a work limit gives the same result every time");
                assertEquals(first.draw("bench").ids(), p.ids());
            }
        }
    }

    private static boolean loaded;

    /** Loads OR-Tools' native libraries once, timed apart from the runs (1-3 s, once per JVM). */
    static synchronized void loadNatives() {
        if (!loaded) {
            long t0 = System.nanoTime();
            com.google.ortools.Loader.loadNativeLibraries();
            System.err.printf("BENCH loading the OR-Tools native libraries: %.2f s%n", (System.nanoTime() - t0) / 1e9);
            loaded = true;
        }
    }

    /** CPU time of this thread (the solvers run in it, through JNI), in nanoseconds. */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void run(String name, Pool pool, Quotas quotas, int k, double limitSeconds, double expectMin) {
        loadNatives();
        double load0 = load();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        PanelDistribution d = Selection.leximin(pool, quotas, k, OPTIONS.withTolerance(TOLERANCE));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProbabilityStats s = d.stats();
        double sum = d.marginals().values().stream().mapToDouble(Double::doubleValue).sum();
        System.err.printf("BENCH %s: %.2f s wall, %.2f s CPU (load average %.1f -> %.1f); min %.7f, mean %.6f,"
                + " max %.6f, gini %.4f, sum %.9f; %d compositions; %s%n", name, seconds, (cpu() - cpu0) / 1e9,
                load0, load(), s.minimum(), s.mean(), s.maximum(), s.gini(), sum, d.compositionCount(),
                d.diagnostics());
        Panel p = d.draw("bench");
        assertTrue(quotas.satisfiedBy(p.members()));
        assertTrue(p.respectsHouseholds());
        assertEquals(k, sum, 1e-6);
        assertEquals(true, d.diagnostics().get("complete"), "exact, or within the tolerance");
        if (expectMin >= 0) {
            assertEquals(expectMin, s.minimum(), 1e-6);
        }
        assertTrue(seconds < limitSeconds, name + " took " + seconds + " s");
        long t1 = System.nanoTime();
        PanelDistribution legacy = Selection.legacy(pool, quotas, k, OPTIONS.withLegacySamples(1000));
        System.err.printf("BENCH %s legacy (1000 runs): %.2f s; min %.6f, gini %.4f%n", name,
                (System.nanoTime() - t1) / 1e9, legacy.stats().minimum(), legacy.stats().gini());
    }
}
