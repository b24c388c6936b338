package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Writes a target vector of per-person probabilities as a mixture of feasible panels, by column generation: maximise
 * lambda subject to {@code sum_P p_P x_{P,t}/size_t >= lambda target_t} for every type, {@code sum_P p_P = 1}.
 * lambda = 1 means the target is reached (every panel's counts add up to k, so the marginals then equal the target
 * up to the tolerance); when the exact panel integer program finds no improving panel with lambda < 1, the target
 * is not a mixture of panels and the LP duals give a valid inequality that separates it.
 */
final class TargetDecomposition {

    record Result(boolean reached, double lambda, List<int[]> columns, double[] weights, double[] separator,
            double separatorBound, int lpSolves, int heuristicSolves, int exactSolves, boolean workLimited,
            boolean tolerated) {
    }

    static final double REACHED = 1 - 1e-9;
    static final int SWAP_STARTS = 6;
    static final int SWAP_STEPS = 4;
    static final int RESTRICTED_ROUNDS = 3;
    static final int SWAP_COLUMNS = 3;

    private TargetDecomposition() {
    }

    /**
     * @param deadline {@link System#nanoTime()} after which the search stops with the best mixture so far (lambda
     *        below 1, no separator); {@code Long.MAX_VALUE} for none
     * @param maxLpSolves the search stops with the best mixture so far after this many master LP solves (a
     *        deterministic work limit); 0 for none
     * @param tolerance the search stops as soon as lambda reaches {@code 1 - tolerance}
     *        ({@link Result#tolerated()}); 0 for the exact target
     */
    static Result solve(TypeModel m, int k, double[] target, PanelIlp ilp, List<int[]> seed, Consumer<String> progress,
            long deadline, int maxLpSolves, double tolerance) {
        int n = m.typeCount();
        MPSolver lp = Solvers.incrementalLp();
        com.google.ortools.linearsolver.MPSolverParameters warm = Solvers.warmLp();
        List<int[]> columns = new ArrayList<>();
        Set<List<Integer>> known = new HashSet<>();
        List<MPVariable> vars = new ArrayList<>();
        int lpSolves = 0;
        int heuristic = 0;
        int exact = 0;
        long lpNanos = 0;
        long hNanos = 0;
        long iNanos = 0;
        long sNanos = 0;
        int swapCalls = 0;
        int swapHits = 0;
        SwapPricing swaps = new SwapPricing(m, k);
        try {
            MPVariable lambda = lp.makeNumVar(0, 1, "lambda");
            MPConstraint sum = lp.makeConstraint(1, 1, "sum");
            MPConstraint[] row = new MPConstraint[n];
            for (int t = 0; t < n; t++) {
                if (target[t] > 1e-12) {
                    row[t] = lp.makeConstraint(0, Double.POSITIVE_INFINITY, "t" + t);
                    row[t].setCoefficient(lambda, -target[t]);
                }
            }
            lp.objective().setCoefficient(lambda, 1);
            lp.objective().setMaximization();
            Consumer<int[]> addColumn = c -> {
                if (!known.add(Arrays.stream(c).boxed().toList())) {
                    return;
                }
                columns.add(c);
                MPVariable v = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "p" + columns.size());
                sum.setCoefficient(v, 1);
                for (int t = 0; t < n; t++) {
                    if (c[t] != 0 && row[t] != null) {
                        row[t].setCoefficient(v, (double) c[t] / m.size[t]);
                    }
                }
                vars.add(v);
            };
            for (int[] c : seed) {
                addColumn.accept(c);
            }
            double[] w = new double[n];
            double[] smooth = new double[n];
            boolean smoothed = false;
            double lam;
            double[] separator = null;
            double bound = Double.NaN;
            boolean workLimited = false;
            boolean tolerated = false;
            while (true) {
                long t0 = System.nanoTime();
                MPSolver.ResultStatus st = lp.solve(warm);
                lpNanos += System.nanoTime() - t0;
                lpSolves++;
                if (st != MPSolver.ResultStatus.OPTIMAL) {
                    throw new IllegalStateException("Decomposition LP not solved: " + st);
                }
                lam = lambda.solutionValue();
                double y = sum.dualValue();
                double scale = 0;
                for (int t = 0; t < n; t++) {
                    w[t] = row[t] == null ? 0 : Math.max(0, -row[t].dualValue());
                    scale = Math.max(scale, w[t] / m.size[t]);
                }
                if (lpSolves % 25 == 0) {
                    progress.accept(String.format("  decomposition %d: lambda %.9f, %d panels; LP %.1f s, swaps %.1f s"
                            + " (%d calls, %d rounds hit), restricted ILP %.1f s, exact %.1f s", lpSolves, lam,
                            columns.size(), lpNanos / 1e9, sNanos / 1e9, swapCalls, swapHits, hNanos / 1e9,
                            iNanos / 1e9));
                }
                if (lam >= REACHED || scale <= 0 || System.nanoTime() - deadline > 0) {
                    break;
                }
                if (tolerance > 0 && lam >= 1 - tolerance) {
                    tolerated = true;
                    break;
                }
                if (maxLpSolves > 0 && lpSolves >= maxLpSolves) {
                    workLimited = true;
                    break;
                }
                double[] coef = new double[n];
                for (int t = 0; t < n; t++) {
                    coef[t] = w[t] / m.size[t] / scale;
                }
                int added = 0;
                double[] gain = new double[n];
                for (int t = 0; t < n; t++) {
                    gain[t] = w[t] / m.size[t];
                }
                if (n > FairDistributionSolver.RESTRICTED_TYPES) {
                    long th = System.nanoTime();
                    double hs = 0;
                    for (int t = 0; t < n; t++) {
                        smooth[t] = smoothed ? 0.7 * smooth[t] + 0.3 * coef[t] : coef[t];
                        hs = Math.max(hs, smooth[t]);
                    }
                    smoothed = true;
                    double[] hc = new double[n];
                    for (int t = 0; t < n; t++) {
                        hc[t] = 0.5 * smooth[t] / hs + 0.5 * coef[t];
                    }
                    int[] base = best(columns, hc);
                    for (int round = 0; round < RESTRICTED_ROUNDS; round++) {
                        int[] h = RestrictedIlp.maximise(m, k, hc,
                                RestrictedIlp.selection(hc, FairDistributionSolver.RESTRICTED_TYPES, base));
                        heuristic++;
                        if (h == null) {
                            break;
                        }
                        if (value(m, w, h) > y + FairDistributionSolver.PRICING_TOLERANCE) {
                            int before = columns.size();
                            addColumn.accept(h);
                            added += columns.size() - before;
                        }
                        long ts = System.nanoTime();
                        int[] better = swaps.improve(h, gain, FairDistributionSolver.PRICING_TOLERANCE, SWAP_STEPS);
                        swapCalls++;
                        sNanos += System.nanoTime() - ts;
                        if (better != null && value(m, w, better) > y + FairDistributionSolver.PRICING_TOLERANCE) {
                            int before = columns.size();
                            addColumn.accept(better);
                            added += columns.size() - before;
                            swapHits++;
                        }
                        for (int t = 0; t < n; t++) {
                            if (h[t] > 0) {
                                hc[t] *= 0.5;
                            }
                        }
                    }
                    hNanos += System.nanoTime() - th;
                }
                if (added == 0) {
                    long ts = System.nanoTime();
                    List<Integer> starts = new ArrayList<>();
                    for (int j = 0; j < vars.size(); j++) {
                        if (vars.get(j).solutionValue() > 1e-12) {
                            starts.add(j);
                        }
                    }
                    starts.sort((a, b) -> Double.compare(vars.get(b).solutionValue(), vars.get(a).solutionValue()));
                    for (int i = 0; i < Math.min(SWAP_STARTS, starts.size()) && added < SWAP_COLUMNS; i++) {
                        int[] h = swaps.improve(columns.get(starts.get(i)), gain,
                                FairDistributionSolver.PRICING_TOLERANCE, SWAP_STEPS);
                        swapCalls++;
                        if (h != null && value(m, w, h) > y + FairDistributionSolver.PRICING_TOLERANCE) {
                            int before = columns.size();
                            addColumn.accept(h);
                            added += columns.size() - before;
                            swapHits++;
                        }
                    }
                    sNanos += System.nanoTime() - ts;
                }
                if (added > 0) {
                    continue;
                }
                long ti = System.nanoTime();
                int[] c = ilp.maximise(coef);
                exact++;
                iNanos += System.nanoTime() - ti;
                if (value(m, w, c) <= y + FairDistributionSolver.PRICING_TOLERANCE) {
                    // no panel beats y (up to the integer program's gap): sum_t w_t pi_t <= y for every mixture
                    separator = w.clone();
                    bound = Math.max(y, value(m, w, c)) * (1 + 1e-8) + FairDistributionSolver.PRICING_TOLERANCE;
                    break;
                }
                int before = columns.size();
                addColumn.accept(c);
                if (columns.size() == before) {
                    progress.accept("decomposition: pricing returned a known panel (numerical tolerance); stops");
                    break;
                }
            }
            double[] weights = new double[columns.size()];
            for (int j = 0; j < columns.size(); j++) {
                weights[j] = Math.max(0, vars.get(j).solutionValue());
            }
            progress.accept(String.format("decomposition: lambda %.9f after %d LPs, %d panels; LP %.1f s, swaps %.1f s,"
                    + " restricted ILP %.1f s, exact %.1f s", lam, lpSolves, columns.size(), lpNanos / 1e9,
                    sNanos / 1e9, hNanos / 1e9, iNanos / 1e9));
            return new Result(lam >= REACHED, lam, columns, weights, separator, bound, lpSolves, heuristic, exact,
                    workLimited, tolerated);
        } finally {
            lp.delete();
        }
    }

    static double value(TypeModel m, double[] w, int[] c) {
        double v = 0;
        for (int t = 0; t < c.length; t++) {
            if (c[t] != 0) {
                v += w[t] * c[t] / m.size[t];
            }
        }
        return v;
    }

    /** The column with the largest {@code coef · column} (the first of equals), or null when there is none. */
    static int[] best(List<int[]> columns, double[] coef) {
        int[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int[] c : columns) {
            double v = 0;
            for (int t = 0; t < c.length; t++) {
                if (c[t] != 0) {
                    v += coef[t] * c[t];
                }
            }
            if (v > bestValue) {
                bestValue = v;
                best = c;
            }
        }
        return best;
    }
}
