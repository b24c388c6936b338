package org.civicloop.jury.selection;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The set of feasible panels as an integer program over type counts: {@code 0 <= x_t <= size_t}, the counts sum to
 * k, every quota holds, and each multi-person household contributes at most one member. Reused with different
 * objectives (column generation pricing, initial columns).
 */
final class PanelIlp implements AutoCloseable {

    private final MPSolver solver;
    private final MPVariable[] x;
    private final MPSolverParameters params = Solvers.exactMip();
    private int solves;

    PanelIlp(TypeModel m, int k) {
        solver = Solvers.ilp();
        x = new MPVariable[m.typeCount()];
        MPConstraint total = solver.makeConstraint(k, k, "k");
        for (int t = 0; t < x.length; t++) {
            x[t] = solver.makeIntVar(0, Math.min(m.size[t], k), "x" + t);
            total.setCoefficient(x[t], 1);
        }
        for (int v = 0; v < m.values.size(); v++) {
            MPConstraint c = solver.makeConstraint(m.min[v], m.max[v], "q" + v);
            for (int t : m.valueTypes[v]) {
                c.setCoefficient(x[t], 1);
            }
        }
        for (int h = 0; h < m.households.length; h++) {
            MPConstraint c = solver.makeConstraint(0, 1, "h" + h);
            for (int t : m.households[h]) {
                c.setCoefficient(x[t], 1);
            }
        }
        solver.objective().setMaximization();
    }

    /** A feasible composition maximising {@code sum coef_t x_t}, or null if there is no feasible panel. */
    int[] maximise(double[] coef) {
        for (int t = 0; t < x.length; t++) {
            solver.objective().setCoefficient(x[t], coef[t]);
        }
        solves++;
        MPSolver.ResultStatus st = solver.solve(params);
        if (st == MPSolver.ResultStatus.INFEASIBLE) {
            return null;
        }
        if (st != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("Panel integer program not solved: " + st);
        }
        int[] c = new int[x.length];
        for (int t = 0; t < x.length; t++) {
            c[t] = (int) Math.round(x[t].solutionValue());
        }
        return c;
    }

    void setRelativeGap(double gap) {
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gap);
    }

    /** Proven upper bound on the objective of the last solve. */
    double bestBound() {
        return solver.objective().bestBound();
    }

    int solves() {
        return solves;
    }

    @Override
    public void close() {
        solver.delete();
    }
}
