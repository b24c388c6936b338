package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Maximin and leximin panel distributions by column generation (after Flanigan et al., Nature 2021), over the type
 * counts of {@link TypeModel}.
 *
 * <p>Primal LP over the current set of panels P: maximise z subject to {@code sum_P p_P x_{P,t}/size_t >= z} for each
 * type t not yet fixed, {@code >= pi_t} for fixed types, {@code sum_P p_P = 1}, {@code p >= 0}. Its duals w_t >= 0
 * (type rows) and y (the sum row) price a new panel: the panel ILP maximising {@code sum_t w_t x_t / size_t}; if that
 * exceeds y the panel would improve the LP and is added, otherwise the LP optimum is optimal over all panels. Then
 * every unfixed type with a positive dual is tight in every optimal solution (complementary slackness) and is fixed
 * at the stage's z; maximin stops after the first stage, leximin repeats until all types are fixed.
 */
final class FairDistributionSolver {

    /** Pricing accepts a panel only if it beats the LP by more than this (probability units). */
    static final double PRICING_TOLERANCE = 1e-9;
    /** A type's dual counts as positive above this (the unfixed duals sum to 1). */
    static final double DUAL_TOLERANCE = 1e-7;
    /** Fixed types may fall this much below their fixed value (LP tolerance slack). */
    static final double FIX_SLACK = 1e-9;

    record Result(List<int[]> compositions, double[] probabilities, int stages, int ilpSolves, int lpSolves,
            double minimum) {
    }

    private FairDistributionSolver() {
    }

    static Result solve(TypeModel m, int k, boolean leximin, SelectionOptions o) {
        int n = m.typeCount();
        try (PanelIlp ilp = new PanelIlp(m, k)) {
            int[] first = ilp.maximise(new double[n]);
            if (first == null) {
                throw new InfeasibleQuotasException(QuotaCheck.diagnose(m, k)
                        .orElseThrow(() -> new IllegalStateException("ILP infeasible but diagnosis found none")));
            }
            List<int[]> columns = new ArrayList<>();
            Set<List<Integer>> known = new HashSet<>();
            add(columns, known, first);
            boolean[] fixed = new boolean[n];
            double[] fixedValue = new double[n];
            boolean[] covered = new boolean[n];
            cover(covered, first);
            SeededRandom rng = new SeededRandom("civicloop-sortition-initial-panels");
            int impossible = 0;
            for (int t = 0; t < n; t++) {
                if (covered[t]) {
                    continue;
                }
                double[] coef = new double[n];
                for (int u = 0; u < n; u++) {
                    coef[u] = rng.nextDouble() * 0.5 / k;
                }
                coef[t] = 1;
                int[] c = ilp.maximise(coef);
                if (c[t] == 0) {
                    fixed[t] = true; // no feasible panel contains this type
                    impossible++;
                } else {
                    add(columns, known, c);
                    cover(covered, c);
                }
            }
            for (int r = 0; r < o.initialRandomPanels(); r++) {
                double[] coef = new double[n];
                for (int u = 0; u < n; u++) {
                    coef[u] = rng.nextDouble() / m.size[u];
                }
                add(columns, known, ilp.maximise(coef));
            }
            o.progress().accept(String.format("%d groups of interchangeable people, %d in no feasible panel; "
                    + "%d initial panels", n, impossible, columns.size()));

            MPSolver lp = Solvers.lp();
            try {
                MPVariable z = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "z");
                MPConstraint sum = lp.makeConstraint(1, 1, "sum");
                MPConstraint[] row = new MPConstraint[n];
                for (int t = 0; t < n; t++) {
                    row[t] = lp.makeConstraint(fixed[t] ? -FIX_SLACK : 0, Double.POSITIVE_INFINITY, "t" + t);
                    if (!fixed[t]) {
                        row[t].setCoefficient(z, -1);
                    }
                }
                lp.objective().setCoefficient(z, 1);
                lp.objective().setMaximization();
                List<MPVariable> vars = new ArrayList<>();
                for (int[] c : columns) {
                    vars.add(column(lp, sum, row, m, c, vars.size()));
                }
                int unfixed = n - impossible;
                int stages = 0;
                int lpSolves = 0;
                double firstZ = Double.NaN;
                double[] w = new double[n];
                double[] solution = new double[0];
                while (unfixed > 0) {
                    stages++;
                    double zStar;
                    while (true) {
                        MPSolver.ResultStatus st = lp.solve();
                        lpSolves++;
                        if (st != MPSolver.ResultStatus.OPTIMAL) {
                            throw new IllegalStateException("Panel distribution LP not solved: " + st);
                        }
                        zStar = z.solutionValue();
                        double y = sum.dualValue();
                        double scale = 0;
                        for (int t = 0; t < n; t++) {
                            w[t] = Math.max(0, -row[t].dualValue());
                            scale = Math.max(scale, w[t] / m.size[t]);
                        }
                        if (scale <= 0) {
                            break;
                        }
                        double[] coef = new double[n];
                        for (int t = 0; t < n; t++) {
                            coef[t] = w[t] / m.size[t] / scale;
                        }
                        int[] best = ilp.maximise(coef);
                        double value = 0;
                        for (int t = 0; t < n; t++) {
                            value += w[t] * best[t] / m.size[t];
                        }
                        if (value <= y + PRICING_TOLERANCE) {
                            break;
                        }
                        if (!add(columns, known, best)) {
                            o.progress().accept("pricing returned a known panel (numerical tolerance); stage ends");
                            break;
                        }
                        vars.add(column(lp, sum, row, m, best, vars.size()));
                    }
                    if (stages == 1) {
                        firstZ = zStar;
                    }
                    solution = new double[vars.size()];
                    for (int j = 0; j < solution.length; j++) {
                        solution[j] = vars.get(j).solutionValue();
                    }
                    if (!leximin) {
                        break;
                    }
                    List<Integer> toFix = new ArrayList<>();
                    int argmax = -1;
                    for (int t = 0; t < n; t++) {
                        if (!fixed[t]) {
                            if (w[t] > DUAL_TOLERANCE) {
                                toFix.add(t);
                            }
                            if (argmax < 0 || w[t] > w[argmax]) {
                                argmax = t;
                            }
                        }
                    }
                    if (toFix.isEmpty()) {
                        toFix.add(argmax);
                    }
                    for (int t : toFix) {
                        fixed[t] = true;
                        fixedValue[t] = zStar;
                        row[t].setCoefficient(z, 0);
                        row[t].setLb(zStar - FIX_SLACK);
                    }
                    unfixed -= toFix.size();
                    if (stages % 25 == 0 || unfixed == 0) {
                        o.progress().accept(String.format("stage %d: fixed %d groups at %.6f, %d left, %d panels",
                                stages, toFix.size(), zStar, unfixed, columns.size()));
                    }
                }
                double[] p = solution;
                double total = 0;
                for (int j = 0; j < p.length; j++) {
                    if (p[j] < 1e-12) {
                        p[j] = 0;
                    }
                    total += p[j];
                }
                List<int[]> comps = new ArrayList<>();
                List<Double> probs = new ArrayList<>();
                for (int j = 0; j < p.length; j++) {
                    if (p[j] > 0) {
                        comps.add(columns.get(j));
                        probs.add(p[j] / total);
                    }
                }
                o.progress().accept(String.format("%d stages, %d panels generated, %d ILPs, %d LPs; support %d",
                        stages, columns.size(), ilp.solves(), lpSolves, comps.size()));
                return new Result(comps, probs.stream().mapToDouble(Double::doubleValue).toArray(), stages,
                        ilp.solves(), lpSolves, firstZ);
            } finally {
                lp.delete();
            }
        }
    }

    private static MPVariable column(MPSolver lp, MPConstraint sum, MPConstraint[] row, TypeModel m, int[] c,
            int j) {
        MPVariable v = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "p" + j);
        sum.setCoefficient(v, 1);
        for (int t = 0; t < c.length; t++) {
            if (c[t] != 0) {
                row[t].setCoefficient(v, (double) c[t] / m.size[t]);
            }
        }
        return v;
    }

    private static boolean add(List<int[]> columns, Set<List<Integer>> known, int[] c) {
        if (known.add(Arrays.stream(c).boxed().toList())) {
            columns.add(c);
            return true;
        }
        return false;
    }

    private static void cover(boolean[] covered, int[] c) {
        for (int t = 0; t < c.length; t++) {
            covered[t] |= c[t] > 0;
        }
    }
}
