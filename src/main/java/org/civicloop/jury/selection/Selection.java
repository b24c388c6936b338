package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;

/**
 * Entry point of the sortition engine: pure functions from a pool, quotas and panel size to a panel distribution.
 * The distributions are deterministic (same inputs, same distribution); the lottery is {@link PanelDistribution#draw}.
 *
 * <p>All methods throw {@link InfeasibleQuotasException} (with a diagnosis and suggested relaxation) when no panel
 * meets the quotas, and {@link IllegalArgumentException} when a person lacks a value with a quota.
 */
public final class Selection {

    private Selection() {
    }

    /** The maximally fair (leximin) distribution. */
    public static PanelDistribution leximin(Pool pool, Quotas quotas, int k, SelectionOptions options) {
        return fair(pool, quotas, k, options, true);
    }

    /** A distribution maximising the minimum selection probability only. */
    public static PanelDistribution maximin(Pool pool, Quotas quotas, int k, SelectionOptions options) {
        return fair(pool, quotas, k, options, false);
    }

    /**
     * The legacy algorithm's distribution, estimated from {@link SelectionOptions#legacySamples()} seeded runs
     * (seeds {@code legacy-estimate/1}, {@code /2}, ...); within each group of interchangeable people the estimate
     * is averaged, so probabilities still sum to k exactly.
     */
    public static PanelDistribution legacy(Pool pool, Quotas quotas, int k, SelectionOptions options) {
        long start = System.nanoTime();
        TypeModel m = model(pool, quotas, k);
        Map<List<Integer>, Integer> counts = new LinkedHashMap<>();
        int samples = options.legacySamples();
        for (int i = 1; i <= samples; i++) {
            List<Person> panel = LegacyAlgorithm.draw(m, k, new SeededRandom("legacy-estimate/" + i), 
                    options.legacyAttempts());
            if (panel == null) {
                throw new IllegalStateException("The legacy algorithm failed " + options.legacyAttempts()
                        + " times in a row (estimate run " + i + ")");
            }
            int[] c = new int[m.typeCount()];
            for (Person p : panel) {
                c[m.typeOf.get(p.id())]++;
            }
            counts.merge(java.util.Arrays.stream(c).boxed().toList(), 1, Integer::sum);
        }
        List<int[]> comps = new ArrayList<>();
        double[] probs = new double[counts.size()];
        int j = 0;
        for (var e : counts.entrySet()) {
            comps.add(e.getKey().stream().mapToInt(Integer::intValue).toArray());
            probs[j++] = (double) e.getValue() / samples;
        }
        Map<String, Object> diag = new HashMap<>();
        diag.put("samples", samples);
        diag.put("seconds", (System.nanoTime() - start) / 1e9);
        return new PanelDistribution(Method.LEGACY, k, m, comps, probs, diag);
    }

    /** One run of the legacy algorithm with the given seed (as the Sortition Foundation's older tool would draw). */
    public static Panel legacyDraw(Pool pool, Quotas quotas, int k, SelectionOptions options, String seed) {
        TypeModel m = model(pool, quotas, k);
        List<Person> panel = LegacyAlgorithm.draw(m, k, new SeededRandom(seed), options.legacyAttempts());
        if (panel == null) {
            throw new IllegalStateException("The legacy algorithm failed " + options.legacyAttempts()
                    + " times in a row; try leximin");
        }
        return new Panel(panel);
    }

    /** The distribution of {@code method}. */
    public static PanelDistribution distribution(Method method, Pool pool, Quotas quotas, int k,
            SelectionOptions options) {
        return switch (method) {
            case LEXIMIN -> leximin(pool, quotas, k, options);
            case MAXIMIN -> maximin(pool, quotas, k, options);
            case LEGACY -> legacy(pool, quotas, k, options);
        };
    }

    private static TypeModel model(Pool pool, Quotas quotas, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Panel size must be at least 1");
        }
        TypeModel m = TypeModel.build(pool, quotas);
        QuotaCheck.diagnose(m, k).ifPresent(inf -> {
            throw new InfeasibleQuotasException(inf);
        });
        return m;
    }

    private static PanelDistribution fair(Pool pool, Quotas quotas, int k, SelectionOptions options,
            boolean leximin) {
        long start = System.nanoTime();
        if (k < 1) {
            throw new IllegalArgumentException("Panel size must be at least 1");
        }
        TypeModel m = TypeModel.build(pool, quotas);
        FairDistributionSolver.Result r = FairDistributionSolver.solve(m, k, leximin, options);
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("groups", m.typeCount());
        diag.put("stages", r.stages());
        diag.put("ilpSolves", r.ilpSolves());
        diag.put("lpSolves", r.lpSolves());
        diag.put("maximin", r.minimum());
        diag.putAll(r.details());
        diag.put("seconds", (System.nanoTime() - start) / 1e9);
        return new PanelDistribution(leximin ? Method.LEXIMIN : Method.MAXIMIN, k, m, r.compositions(),
                r.probabilities(), diag);
    }
}
