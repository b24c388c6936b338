package org.civicloop.jury.selection;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Heuristic pricing: the panel integer program restricted to the most valuable types (all others at 0), plus the
 * types of a known feasible panel so that the restriction stays feasible. Much faster than the full program on large
 * pools; its answer is a feasible panel but not necessarily the best one.
 */
final class RestrictedIlp {

    private RestrictedIlp() {
    }

    static int[] maximise(TypeModel m, int k, double[] coef, boolean[] use) {
        int n = m.typeCount();
        MPSolver s = Solvers.ilp();
        try {
            MPVariable[] x = new MPVariable[n];
            MPConstraint total = s.makeConstraint(k, k, "k");
            for (int t = 0; t < n; t++) {
                if (use[t]) {
                    x[t] = s.makeIntVar(0, Math.min(m.size[t], k), "x" + t);
                    total.setCoefficient(x[t], 1);
                    s.objective().setCoefficient(x[t], coef[t]);
                }
            }
            for (int v = 0; v < m.values.size(); v++) {
                MPConstraint c = s.makeConstraint(m.min[v], m.max[v], "q" + v);
                for (int t : m.valueTypes[v]) {
                    if (use[t]) {
                        c.setCoefficient(x[t], 1);
                    }
                }
            }
            for (int[] h : m.households) {
                MPConstraint c = null;
                for (int t : h) {
                    if (use[t]) {
                        if (c == null) {
                            c = s.makeConstraint(0, 1);
                        }
                        c.setCoefficient(x[t], 1);
                    }
                }
            }
            s.objective().setMaximization();
            MPSolver.ResultStatus st = s.solve(Solvers.exactMip());
            if (st != MPSolver.ResultStatus.OPTIMAL) {
                return null;
            }
            int[] c = new int[n];
            for (int t = 0; t < n; t++) {
                if (use[t]) {
                    c[t] = (int) Math.round(x[t].solutionValue());
                }
            }
            return c;
        } finally {
            s.delete();
        }
    }

    /** The {@code limit} types with the largest coefficients, plus the types used by {@code feasible}. */
    static boolean[] selection(double[] coef, int limit, int[] feasible) {
        int n = coef.length;
        boolean[] use = new boolean[n];
        if (limit >= n) {
            java.util.Arrays.fill(use, true);
            return use;
        }
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(coef[b], coef[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < limit; i++) {
            use[order[i]] = true;
        }
        for (int t = 0; t < n; t++) {
            if (feasible[t] > 0) {
                use[t] = true;
            }
        }
        return use;
    }
}
