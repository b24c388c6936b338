package org.civicloop.jury.selection;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Leximin over the linear relaxation of the panel polytope: per-person probabilities {@code 0 <= pi_t <= 1} with
 * {@code sum_t size_t pi_t = k}, every quota {@code min_v <= sum_{t has v} size_t pi_t <= max_v} and every multi-person
 * household {@code sum_{t in h} pi_t <= 1}. Every panel distribution's marginals satisfy these constraints, so the
 * result is leximin-at-least the true leximin; when its point is a mixture of feasible panels (see
 * {@link TargetDecomposition}), it <em>is</em> the true leximin.
 *
 * <p>Each stage maximises z with every unfixed type at least z and every fixed type at least its value; types whose
 * row has a positive dual are tight in every optimum (complementary slackness) and are fixed at z.
 */
final class RelaxedLeximin {

    record Result(double[] probabilities, double[] stageValue, int stages, double maximin) {
    }

    /** A valid inequality for every panel mixture: {@code sum_t weight_t pi_t <= bound}. */
    record Cut(double[] weight, double bound) {
    }

    private RelaxedLeximin() {
    }

    static Result solve(TypeModel m, int k, java.util.List<Cut> cuts) {
        int n = m.typeCount();
        boolean[] fixed = new boolean[n];
        double[] value = new double[n];
        // the lower bound kept for a fixed type: its stage value, or its value in that stage's solution if the LP
        // left it a little below (within GLOP's tolerances), so that the next stage stays feasible
        double[] floor = new double[n];
        int unfixed = n;
        double[] pi = new double[n];
        int stages = 0;
        double maximin = Double.NaN;
        while (unfixed > 0) {
            stages++;
            MPSolver s = null;
            double slack = FairDistributionSolver.FIX_SLACK;
            try {
                while (true) {
                    if (s != null) {
                        s.delete();
                    }
                    s = Solvers.lp();
                    MPVariable z = s.makeNumVar(0, 1, "z");
                    MPVariable[] p = new MPVariable[n];
                    MPConstraint total = s.makeConstraint(k, k, "k");
                    for (int t = 0; t < n; t++) {
                        p[t] = s.makeNumVar(0, 1, "p" + t);
                        total.setCoefficient(p[t], m.size[t]);
                    }
                    for (int v = 0; v < m.values.size(); v++) {
                        MPConstraint c = s.makeConstraint(m.min[v], m.max[v], "q" + v);
                        for (int t : m.valueTypes[v]) {
                            c.setCoefficient(p[t], m.size[t]);
                        }
                    }
                    for (int[] h : m.households) {
                        MPConstraint c = s.makeConstraint(0, 1);
                        for (int t : h) {
                            c.setCoefficient(p[t], 1);
                        }
                    }
                    for (Cut cut : cuts) {
                        MPConstraint c = s.makeConstraint(Double.NEGATIVE_INFINITY, cut.bound());
                        for (int t = 0; t < n; t++) {
                            if (cut.weight()[t] != 0) {
                                c.setCoefficient(p[t], cut.weight()[t]);
                            }
                        }
                    }
                    MPConstraint[] row = new MPConstraint[n];
                    for (int t = 0; t < n; t++) {
                        if (fixed[t]) {
                            p[t].setLb(Math.max(0, floor[t] - slack));
                        } else {
                            row[t] = s.makeConstraint(0, Double.POSITIVE_INFINITY, "t" + t);
                            row[t].setCoefficient(p[t], 1);
                            row[t].setCoefficient(z, -1);
                        }
                    }
                    s.objective().setCoefficient(z, 1);
                    s.objective().setMaximization();
                    MPSolver.ResultStatus st = s.solve();
                    if (st != MPSolver.ResultStatus.OPTIMAL && stages > 1 && slack < 1e-6) {
                        // the fixed values came from earlier solves within GLOP's tolerances: allow a little more slack
                        slack *= 10;
                        continue;
                    }
                    if (st != MPSolver.ResultStatus.OPTIMAL) {
                        throw new IllegalStateException("Relaxed leximin LP not solved at stage " + stages + ": " + st);
                    }
                    double zs = z.solutionValue();
                    if (stages == 1) {
                        maximin = zs;
                    }
                    int count = 0;
                    int argmax = -1;
                    double best = Double.NEGATIVE_INFINITY;
                    for (int t = 0; t < n; t++) {
                        if (row[t] == null) {
                            continue;
                        }
                        double w = -row[t].dualValue();
                        if (w > FairDistributionSolver.DUAL_TOLERANCE) {
                            fixed[t] = true;
                            value[t] = zs;
                            floor[t] = Math.min(zs, p[t].solutionValue());
                            count++;
                        } else if (w > best) {
                            best = w;
                            argmax = t;
                        }
                    }
                    if (count == 0) {
                        fixed[argmax] = true;
                        value[argmax] = zs;
                        floor[argmax] = Math.min(zs, p[argmax].solutionValue());
                        count = 1;
                    }
                    unfixed -= count;
                    for (int t = 0; t < n; t++) {
                        pi[t] = p[t].solutionValue();
                    }
                    break;
                }
            } finally {
                s.delete();
            }
        }
        return new Result(pi, value, stages, maximin);
    }
}
