package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Maximin and leximin panel distributions by column generation (after Flanigan et al., Nature 2021), over the type
 * counts of {@link TypeModel}.
 *
 * <p>Master LP over a set of panels P: maximise z subject to {@code sum_P p_P x_{P,t}/size_t >= z} for each type t
 * not yet fixed, {@code >= pi_t} for fixed types, {@code sum_P p_P = 1}, {@code p >= 0}. Its duals w_t >= 0 (type
 * rows) and y (the sum row) price panels: a panel with {@code sum_t w_t x_t / size_t > y} improves the LP. Pricing
 * tries, in order: panels generated earlier but not in the LP (the LP is kept small by dropping panels that are
 * unused and far from useful), a fast heuristic (the panel integer program restricted to the most valuable types,
 * with smoothed duals), and finally the exact panel integer program; when even that finds no improving panel, the
 * LP optimum is optimal over all panels. Then every unfixed type with a positive dual is tight in every optimal
 * solution (complementary slackness) and is fixed at the stage's z; maximin stops after the first stage, leximin
 * repeats until all types are fixed.
 */
final class FairDistributionSolver {

    /** Pricing accepts a panel only if it beats the LP by more than this (probability units). */
    static final double PRICING_TOLERANCE = 1e-9;
    /** A type's dual counts as positive above this (the unfixed duals sum to 1). */
    static final double DUAL_TOLERANCE = 1e-7;
    /** Fixed types may fall this much below their fixed value (LP tolerance slack). */
    static final double FIX_SLACK = 1e-9;
    /** Above this many types, pricing first tries the integer program restricted to this many types. */
    static final int RESTRICTED_TYPES = 250;
    /** Heuristic panels tried per pricing round. */
    static final int COLUMNS_PER_ROUND = 3;
    /** Weight of the previous smoothed duals in heuristic pricing. */
    static final double SMOOTHING = 0.7;

    record Result(List<int[]> compositions, double[] probabilities, int stages, int ilpSolves, int lpSolves,
            double minimum, Map<String, Object> details) {
    }

    /** Rounds of "relaxed leximin, decompose, cut off" before falling back to column generation stage by stage. */
    static final int CUT_ROUNDS = 5;

    private FairDistributionSolver() {
    }

    static Result solve(TypeModel m, int k, boolean leximin, SelectionOptions o) {
        return solve(m, k, leximin, o, SelectionOptions.EXACT_UP_TO_GROUPS);
    }

    /** As {@link #solve(TypeModel, int, boolean, SelectionOptions)}, exact up to the given number of groups. */
    static Result solve(TypeModel m, int k, boolean leximin, SelectionOptions o, int exactUpToGroups) {
        try (PanelIlp ilp = new PanelIlp(m, k)) {
            int[] first = ilp.maximise(new double[m.typeCount()]);
            if (first == null) {
                throw new InfeasibleQuotasException(QuotaCheck.diagnose(m, k)
                        .orElseThrow(() -> new IllegalStateException("ILP infeasible but diagnosis found none")));
            }
            Result r = viaRelaxation(m, k, o, ilp, first, m.typeCount() > exactUpToGroups ? o.tolerance() : 0);
            if (r != null) {
                return r;
            }
            o.progress().accept("the relaxation's leximin is not a mixture of panels after " + CUT_ROUNDS
                    + " cuts; column generation stage by stage");
            return new Run(m, k, o, ilp).run(leximin);
        }
    }

    /** The stage-by-stage column generation only (the fallback), for tests and comparisons. */
    static Result byStages(TypeModel m, int k, boolean leximin, SelectionOptions o, PanelIlp ilp) {
        return new Run(m, k, o, ilp).run(leximin);
    }

    /**
     * Leximin through the relaxation: the leximin point of the linear relaxation (with the cuts found so far) is an
     * upper bound in the leximin order; if it is a mixture of feasible panels, it is the leximin. Otherwise the
     * decomposition's duals cut it off and the next round starts. Returns null when {@link #CUT_ROUNDS} rounds do
     * not settle it. With a time limit, returns the best mixture so far with its certified gap.
     */
    private static Result viaRelaxation(TypeModel m, int k, SelectionOptions o, PanelIlp ilp, int[] first,
            double tolerance) {
        long start = System.nanoTime();
        long deadline = o.timeLimitSeconds() > 0 ? start + (long) (o.timeLimitSeconds() * 1e9) : Long.MAX_VALUE;
        int n = m.typeCount();
        List<RelaxedLeximin.Cut> cuts = new ArrayList<>();
        List<int[]> seed = initialPanels(m, k, o, ilp, first);
        int lpSolves = 0;
        int ilpSolves = 0;
        int relaxedStages = 0;
        for (int round = 0; round <= CUT_ROUNDS; round++) {
            long tr = System.nanoTime();
            RelaxedLeximin.Result relaxed;
            try {
                relaxed = RelaxedLeximin.solve(m, k, cuts);
            } catch (IllegalStateException e) {
                o.progress().accept("relaxed leximin failed (" + e.getMessage() + ")");
                return null;
            }
            relaxedStages += relaxed.stages();
            o.progress().accept(String.format("relaxed leximin%s: %d stages, minimum %.7f (%.1f s)",
                    cuts.isEmpty() ? "" : " with " + cuts.size() + " cut(s)", relaxed.stages(), relaxed.maximin(),
                    (System.nanoTime() - tr) / 1e9));
            if (round == 0) {
                seed.addAll(coveringPanels(m, k, relaxed.probabilities(), seed));
            }
            // the work limit counts master LP solves over all rounds; every round solves at least once
            int budget = o.workLimit() == 0 ? 0 : Math.max(1, o.workLimit() - lpSolves);
            TargetDecomposition.Result d = TargetDecomposition.solve(m, k, relaxed.probabilities(), ilp, seed,
                    o.progress(), deadline, budget, tolerance);
            lpSolves += d.lpSolves();
            ilpSolves += d.heuristicSolves() + d.exactSolves();
            boolean tolerated = !d.reached() && d.tolerated();
            boolean workLimited = !d.reached() && !tolerated && d.separator() == null && d.workLimited();
            boolean timedOut = !d.reached() && !tolerated && d.separator() == null && !workLimited
                    && System.nanoTime() - deadline > 0;
            if (d.reached() || tolerated || timedOut || workLimited) {
                List<int[]> comps = new ArrayList<>();
                List<Double> probs = new ArrayList<>();
                double total = 0;
                for (double x : d.weights()) {
                    total += x < 1e-12 ? 0 : x;
                }
                for (int j = 0; j < d.columns().size(); j++) {
                    if (d.weights()[j] >= 1e-12) {
                        comps.add(d.columns().get(j));
                        probs.add(d.weights()[j] / total);
                    }
                }
                double[] marginal = new double[n];
                for (int j = 0; j < comps.size(); j++) {
                    for (int t = 0; t < n; t++) {
                        marginal[t] += probs.get(j) * comps.get(j)[t] / m.size[t];
                    }
                }
                double minimum = Double.POSITIVE_INFINITY;
                double deviation = 0;
                for (int t = 0; t < n; t++) {
                    minimum = Math.min(minimum, marginal[t]);
                    deviation = Math.max(deviation, Math.abs(marginal[t] - relaxed.probabilities()[t]));
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("algorithm", "relaxation + decomposition");
                // complete: the computation ended as asked (exactly, or within the requested tolerance)
                details.put("complete", d.reached() || tolerated);
                details.put("exact", d.reached());
                details.put("tolerance", tolerance);
                if (workLimited) {
                    details.put("limitedBy", "work limit");
                    details.put("workLimit", o.workLimit());
                } else if (timedOut) {
                    details.put("limitedBy", "time limit");
                    details.put("timeLimitSeconds", o.timeLimitSeconds());
                }
                details.put("cuts", cuts.size());
                details.put("lambda", d.lambda());
                details.put("upperBoundMinimum", relaxed.maximin());
                details.put("certifiedGap", Math.max(0, relaxed.maximin() - minimum));
                details.put("maxDeviationFromLeximin", deviation);
                details.put("panelsGenerated", d.columns().size());
                if (tolerated) {
                    o.progress().accept(String.format("within the tolerance (%s): every group has at least %.6f of"
                            + " its leximin share; minimum %.7f, at most %.7f possible", tolerance, d.lambda(),
                            minimum, relaxed.maximin()));
                }
                if (timedOut || workLimited) {
                    o.progress().accept(String.format((workLimited ? "work limit (" + o.workLimit()
                            + " LP solves)" : "time limit") + ": best mixture reaches %.6f of the leximin target;"
                            + " minimum %.7f, at most %.7f possible", d.lambda(), minimum, relaxed.maximin()));
                }
                o.progress().accept(String.format("%d relaxed stages, %d cut(s), %d panels generated, support %d,"
                        + " largest deviation from the leximin point %.2e", relaxedStages, cuts.size(),
                        d.columns().size(), comps.size(), deviation));
                return new Result(comps, probs.stream().mapToDouble(Double::doubleValue).toArray(), relaxed.stages(),
                        ilpSolves, lpSolves, minimum, details);
            }
            if (d.separator() == null) {
                return null;
            }
            cuts.add(new RelaxedLeximin.Cut(d.separator(), d.separatorBound()));
            seed = d.columns();
        }
        return null;
    }

    /**
     * Panels that together contain every type with a positive target (as far as swaps from the given panels reach),
     * so that the decomposition starts with every row covered: repeatedly swap as many uncovered types as possible
     * into a known panel (plain Java, no solver).
     */
    private static List<int[]> coveringPanels(TypeModel m, int k, double[] target, List<int[]> start) {
        int n = m.typeCount();
        SwapPricing swaps = new SwapPricing(m, k);
        boolean[] covered = new boolean[n];
        int uncovered = 0;
        for (int t = 0; t < n; t++) {
            covered[t] = target[t] <= 1e-12;
        }
        for (int[] c : start) {
            for (int t = 0; t < n; t++) {
                covered[t] |= c[t] > 0;
            }
        }
        for (int t = 0; t < n; t++) {
            uncovered += covered[t] ? 0 : 1;
        }
        List<int[]> panels = new ArrayList<>();
        List<int[]> from = new ArrayList<>(start);
        int failures = 0;
        int next = 0;
        while (uncovered > 0 && failures < from.size()) {
            double[] gain = new double[n];
            for (int t = 0; t < n; t++) {
                gain[t] = covered[t] ? 0 : 1 + target[t];
            }
            int[] c = swaps.improve(from.get(next % from.size()), gain, 0.5, k);
            next++;
            if (c == null) {
                failures++;
                continue;
            }
            failures = 0;
            panels.add(c);
            from.add(c);
            for (int t = 0; t < n; t++) {
                if (c[t] > 0 && !covered[t]) {
                    covered[t] = true;
                    uncovered--;
                }
            }
        }
        return panels;
    }

    /** Feasible panels covering everyone as evenly as possible (multiplicative weights), to start column generation. */
    private static List<int[]> initialPanels(TypeModel m, int k, SelectionOptions o, PanelIlp ilp, int[] first) {
        int n = m.typeCount();
        List<int[]> panels = new ArrayList<>();
        panels.add(first);
        double[] cover = new double[n];
        for (int t = 0; t < n; t++) {
            cover[t] += (double) first[t] / m.size[t];
        }
        SeededRandom rng = new SeededRandom("civicloop-sortition-initial-panels");
        int count = Math.min(o.initialRandomPanels(), 10);
        for (int r = 0; r < count; r++) {
            double[] coef = new double[n];
            for (int t = 0; t < n; t++) {
                coef[t] = Math.exp(-cover[t]) * (1 + 0.01 * rng.nextDouble());
            }
            int[] c = n > RESTRICTED_TYPES
                    ? RestrictedIlp.maximise(m, k, coef, RestrictedIlp.selection(coef, RESTRICTED_TYPES, first))
                    : null;
            if (c == null) {
                c = ilp.maximise(coef);
            }
            panels.add(c);
            for (int t = 0; t < n; t++) {
                cover[t] += (double) c[t] / m.size[t];
            }
        }
        return panels;
    }

    private static final class Run {
        final TypeModel m;
        final int k;
        final int n;
        final SelectionOptions o;
        final PanelIlp ilp;
        final boolean restricted;
        final List<int[]> columns = new ArrayList<>();
        final Set<List<Integer>> known = new HashSet<>();
        final boolean[] fixed;
        final double[] fixedValue;
        final int maxActive;

        MPSolver lp;
        MPVariable z;
        MPConstraint sum;
        MPConstraint[] row;
        final List<Integer> active = new ArrayList<>();
        final List<MPVariable> vars = new ArrayList<>();
        boolean[] inMaster = new boolean[0];

        int lpSolves;
        int heuristicSolves;
        long lpNanos;
        long heuristicNanos;
        long ilpNanos;

        Run(TypeModel m, int k, SelectionOptions o, PanelIlp ilp) {
            this.m = m;
            this.k = k;
            this.n = m.typeCount();
            this.o = o;
            this.ilp = ilp;
            this.restricted = n > RESTRICTED_TYPES;
            this.fixed = new boolean[n];
            this.fixedValue = new double[n];
            this.maxActive = Math.max(200, n / 2);
        }

        Result run(boolean leximin) {
            int[] first = ilp.maximise(new double[n]);
            if (first == null) {
                throw new InfeasibleQuotasException(QuotaCheck.diagnose(m, k)
                        .orElseThrow(() -> new IllegalStateException("ILP infeasible but diagnosis found none")));
            }
            int impossible = initialColumns(first);
            boolean[] allRows = new boolean[n];
            Arrays.fill(allRows, true);
            buildMaster(allColumns(), allRows);
            int unfixed = n - impossible;
            int stages = 0;
            double firstZ = Double.NaN;
            double[] w = new double[n];
            double[] solution = new double[0];
            double[] smooth = new double[n];
            boolean smoothed = false;
            try {
                while (unfixed > 0) {
                    stages++;
                    double zStar;
                    while (true) {
                        long tl = System.nanoTime();
                        MPSolver.ResultStatus st = lp.solve();
                        lpNanos += System.nanoTime() - tl;
                        lpSolves++;
                        if (st != MPSolver.ResultStatus.OPTIMAL) {
                            throw new IllegalStateException("Panel distribution LP not solved: " + st);
                        }
                        zStar = z.solutionValue();
                        double y = sum.dualValue();
                        double scale = 0;
                        for (int t = 0; t < n; t++) {
                            w[t] = row[t] == null ? 0 : Math.max(0, -row[t].dualValue());
                            scale = Math.max(scale, w[t] / m.size[t]);
                        }
                        if (lpSolves % 100 == 0) {
                            o.progress().accept(String.format("  iteration %d: z %.7f, %d panels (%d in LP), %d rows; LP %.1f s,"
                                    + " heuristic %.1f s, exact ILP %.1f s", lpSolves, zStar, columns.size(),
                                    active.size(), Arrays.stream(row).filter(r -> r != null).count(), lpNanos / 1e9, heuristicNanos / 1e9, ilpNanos / 1e9));
                        }
                        if (scale <= 0) {
                            break;
                        }
                        double[] coef = new double[n];
                        for (int t = 0; t < n; t++) {
                            coef[t] = w[t] / m.size[t] / scale;
                        }
                        if (active.size() > maxActive) {
                            prune(w, y);
                            continue;
                        }
                        // 1. panels generated earlier but not in the LP
                        if (readmit(w, y) > 0) {
                            continue;
                        }
                        // 2. heuristic pricing
                        int added = 0;
                        if (restricted) {
                            long th = System.nanoTime();
                            double hs = 0;
                            for (int t = 0; t < n; t++) {
                                smooth[t] = smoothed ? SMOOTHING * smooth[t] + (1 - SMOOTHING) * coef[t] : coef[t];
                                hs = Math.max(hs, smooth[t]);
                            }
                            smoothed = true;
                            double[] hc = new double[n];
                            for (int t = 0; t < n; t++) {
                                hc[t] = 0.5 * smooth[t] / hs + 0.5 * coef[t];
                            }
                            for (int round = 0; round < COLUMNS_PER_ROUND; round++) {
                                int[] h = RestrictedIlp.maximise(m, k, hc,
                                        RestrictedIlp.selection(hc, RESTRICTED_TYPES, bestColumn(hc)));
                                heuristicSolves++;
                                if (h == null) {
                                    break;
                                }
                                if (value(w, h) > y + PRICING_TOLERANCE && add(h)) {
                                    addToMaster(columns.size() - 1);
                                    added++;
                                }
                                for (int t = 0; t < n; t++) {
                                    if (h[t] > 0) {
                                        hc[t] *= 0.5;
                                    }
                                }
                            }
                            heuristicNanos += System.nanoTime() - th;
                        }
                        if (added > 0) {
                            continue;
                        }
                        // 3. exact pricing
                        long ti = System.nanoTime();
                        int[] best = ilp.maximise(coef);
                        ilpNanos += System.nanoTime() - ti;
                        if (value(w, best) <= y + PRICING_TOLERANCE) {
                            break;
                        }
                        if (!add(best)) {
                            o.progress().accept("pricing returned a known panel (numerical tolerance); stage ends");
                            break;
                        }
                        addToMaster(columns.size() - 1);
                    }
                    if (stages == 1) {
                        firstZ = zStar;
                    }
                    solution = new double[columns.size()];
                    for (int i = 0; i < active.size(); i++) {
                        solution[active.get(i)] = vars.get(i).solutionValue();
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
                    }
                    // Rebuild rather than edit the solved model: changing coefficients of a solved GLOP model in
                    // place crashed this OR-Tools version.
                    buildMaster(new ArrayList<>(active), allRows);
                    unfixed -= toFix.size();
                    if (stages <= 3 || stages % 20 == 0 || unfixed == 0) {
                        o.progress().accept(String.format("stage %d: fixed %d groups at %.7f, %d left, %d panels; "
                                + "LP %.1f s, heuristic %.1f s, exact ILP %.1f s", stages, toFix.size(), zStar,
                                unfixed, columns.size(), lpNanos / 1e9, heuristicNanos / 1e9, ilpNanos / 1e9));
                    }
                }
            } finally {
                lp.delete();
            }
            double total = 0;
            for (int j = 0; j < solution.length; j++) {
                if (solution[j] < 1e-12) {
                    solution[j] = 0;
                }
                total += solution[j];
            }
            List<int[]> comps = new ArrayList<>();
            List<Double> probs = new ArrayList<>();
            for (int j = 0; j < solution.length; j++) {
                if (solution[j] > 0) {
                    comps.add(columns.get(j));
                    probs.add(solution[j] / total);
                }
            }
            o.progress().accept(String.format("%d stages, %d panels generated, %d exact ILPs, %d heuristic ILPs, "
                    + "%d LPs; support %d", stages, columns.size(), ilp.solves(), heuristicSolves, lpSolves,
                    comps.size()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("algorithm", "column generation by stages");
            details.put("complete", true);
            details.put("exact", true);
            return new Result(comps, probs.stream().mapToDouble(Double::doubleValue).toArray(), stages,
                    ilp.solves() + heuristicSolves, lpSolves, firstZ, details);
        }

        /** Warm start; returns the number of types that are in no feasible panel (fixed at 0). */
        private int initialColumns(int[] first) {
            add(first);
            // Panels that cover everyone as evenly as possible (multiplicative weights: a person's weight decays
            // exponentially with how often they are already covered).
            double[] cover = new double[n];
            accumulate(cover, first);
            SeededRandom rng = new SeededRandom("civicloop-sortition-initial-panels");
            for (int r = 0; r < o.initialRandomPanels(); r++) {
                double[] coef = new double[n];
                for (int t = 0; t < n; t++) {
                    coef[t] = Math.exp(-cover[t]) * (1 + 0.01 * rng.nextDouble());
                }
                int[] c = restricted
                        ? RestrictedIlp.maximise(m, k, coef, RestrictedIlp.selection(coef, RESTRICTED_TYPES, first))
                        : null;
                if (c == null) {
                    c = ilp.maximise(coef);
                }
                add(c);
                accumulate(cover, c);
            }
            int impossible = 0;
            for (int t = 0; t < n; t++) {
                if (cover[t] > 0) {
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
                    add(c);
                    accumulate(cover, c);
                }
            }
            o.progress().accept(String.format("%d groups of interchangeable people, %d in no feasible panel; "
                    + "%d initial panels", n, impossible, columns.size()));
            return impossible;
        }

        private List<Integer> allColumns() {
            List<Integer> all = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                all.add(j);
            }
            return all;
        }

        private void buildMaster(List<Integer> cols, boolean[] rows) {
            if (lp != null) {
                lp.delete();
            }
            lp = Solvers.lp();
            active.clear();
            vars.clear();
            z = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "z");
            sum = lp.makeConstraint(1, 1, "sum");
            row = new MPConstraint[n];
            for (int t = 0; t < n; t++) {
                if (rows[t]) {
                    makeRow(t);
                }
            }
            lp.objective().setCoefficient(z, 1);
            lp.objective().setMaximization();
            inMaster = new boolean[columns.size()];
            for (int j : cols) {
                addToMaster(j);
            }
        }

        private void addToMaster(int j) {
            if (inMaster.length <= j) {
                inMaster = Arrays.copyOf(inMaster, Math.max(j + 1, inMaster.length * 2));
            }
            int[] c = columns.get(j);
            MPVariable v = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "p" + j);
            sum.setCoefficient(v, 1);
            for (int t = 0; t < n; t++) {
                if (c[t] != 0 && row[t] != null) {
                    row[t].setCoefficient(v, (double) c[t] / m.size[t]);
                }
            }
            active.add(j);
            vars.add(v);
            inMaster[j] = true;
        }

        private void makeRow(int t) {
            row[t] = lp.makeConstraint(fixed[t] ? fixedValue[t] - FIX_SLACK : 0, Double.POSITIVE_INFINITY, "t" + t);
            if (!fixed[t]) {
                row[t].setCoefficient(z, -1);
            }
            for (int i = 0; i < active.size(); i++) {
                int[] c = columns.get(active.get(i));
                if (c[t] != 0) {
                    row[t].setCoefficient(vars.get(i), (double) c[t] / m.size[t]);
                }
            }
        }

        /** Rebuilds the LP with the used panels and the half of the others closest to being useful. */
        private void prune(double[] w, double y) {
            boolean[] rows = new boolean[n];
            Arrays.fill(rows, true);
            List<Integer> keep = new ArrayList<>();
            List<double[]> rest = new ArrayList<>();
            for (int i = 0; i < active.size(); i++) {
                int j = active.get(i);
                if (vars.get(i).solutionValue() > 1e-12) {
                    keep.add(j);
                } else {
                    rest.add(new double[] {value(w, columns.get(j)) - y, j});
                }
            }
            rest.sort(Comparator.comparingDouble((double[] a) -> -a[0]).thenComparingDouble(a -> a[1]));
            int room = Math.max(0, maxActive / 2 - keep.size());
            for (int i = 0; i < Math.min(room, rest.size()); i++) {
                keep.add((int) rest.get(i)[1]);
            }
            keep.sort(null);
            buildMaster(keep, rows);
        }

        /** Adds back up to 50 dropped panels that would improve the LP; returns how many. */
        private int readmit(double[] w, double y) {
            List<double[]> good = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                if (j < inMaster.length && inMaster[j]) {
                    continue;
                }
                double rc = value(w, columns.get(j)) - y;
                if (rc > PRICING_TOLERANCE) {
                    good.add(new double[] {rc, j});
                }
            }
            good.sort(Comparator.comparingDouble((double[] a) -> -a[0]).thenComparingDouble(a -> a[1]));
            int count = Math.min(50, good.size());
            for (int i = 0; i < count; i++) {
                addToMaster((int) good.get(i)[1]);
            }
            return count;
        }

        private double value(double[] w, int[] c) {
            double v = 0;
            for (int t = 0; t < c.length; t++) {
                if (c[t] != 0) {
                    v += w[t] * c[t] / m.size[t];
                }
            }
            return v;
        }

        private int[] bestColumn(double[] coef) {
            return TargetDecomposition.best(columns, coef);
        }

        private void accumulate(double[] cover, int[] c) {
            for (int t = 0; t < c.length; t++) {
                cover[t] += (double) c[t] / m.size[t];
            }
        }

        private boolean add(int[] c) {
            if (known.add(Arrays.stream(c).boxed().toList())) {
                columns.add(c);
                return true;
            }
            return false;
        }
    }
}
