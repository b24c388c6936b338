package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.civicloop.jury.selection.model.Feature;
import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

/**
 * Feasibility of quotas. {@link #diagnose} names the offending feature values (simple counting checks) and finds the
 * smallest relaxation with an integer program: the panel constraints with each minimum lowered by {@code lo_v >= 0}
 * and each maximum raised by {@code hi_v >= 0}, minimising {@code sum (lo_v + hi_v)}.
 */
public final class QuotaCheck {

    private QuotaCheck() {
    }

    /** Empty if some panel of size {@code k} meets the quotas (and the household rule). */
    public static Optional<Infeasibility> diagnose(Pool pool, Quotas quotas, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Panel size must be at least 1");
        }
        return diagnose(TypeModel.build(pool, quotas), k);
    }

    static Optional<Infeasibility> diagnose(TypeModel m, int k) {
        try (PanelIlp ilp = new PanelIlp(m, k)) {
            if (ilp.maximise(new double[m.typeCount()]) != null) {
                return Optional.empty();
            }
        }
        List<Infeasibility.Reason> reasons = new ArrayList<>();
        Set<FeatureValue> culprits = new LinkedHashSet<>();
        int n = m.people.size();
        int households = households(m.people, null);
        if (k > n) {
            reasons.add(Infeasibility.Reason.of(Infeasibility.Kind.POOL_TOO_SMALL, n, k));
        } else if (k > households) {
            reasons.add(Infeasibility.Reason.of(Infeasibility.Kind.TOO_FEW_HOUSEHOLDS, households, k));
        }
        int[] available = new int[m.values.size()];
        for (int v = 0; v < m.values.size(); v++) {
            FeatureValue fv = m.values.get(v);
            available[v] = households(m.people, fv);
            if (available[v] < m.min[v]) {
                culprits.add(fv);
                reasons.add(Infeasibility.Reason.of(hasHouseholds(m) ? Infeasibility.Kind.TOO_FEW_HOUSEHOLDS_WITH_VALUE
                        : Infeasibility.Kind.TOO_FEW_WITH_VALUE, fv, available[v], m.min[v]));
            }
        }
        for (Feature f : m.quotas.features()) {
            int sumMin = 0;
            int sumMax = 0;
            List<FeatureValue> fvs = f.featureValues();
            for (FeatureValue fv : fvs) {
                int v = m.values.indexOf(fv);
                sumMin += m.min[v];
                sumMax += Math.min(m.max[v], available[v]);
            }
            if (sumMin > k) {
                reasons.add(Infeasibility.Reason.of(Infeasibility.Kind.MINIMUMS_ABOVE_PANEL, f.name(), sumMin, k));
                fvs.stream().filter(fv -> m.min[m.values.indexOf(fv)] > 0).forEach(culprits::add);
            } else if (sumMax < k) {
                reasons.add(Infeasibility.Reason.of(Infeasibility.Kind.MAXIMUMS_BELOW_PANEL, f.name(), sumMax, k));
                fvs.forEach(fv -> {
                    int v = m.values.indexOf(fv);
                    if (m.max[v] < available[v]) {
                        culprits.add(fv);
                    }
                });
            }
        }
        List<QuotaChange> changes = relax(m, k);
        Optional<Quotas> relaxed = Optional.empty();
        if (changes != null) {
            Quotas q = m.quotas;
            for (QuotaChange c : changes) {
                q = q.with(new Quota(c.value(), c.newMin(), c.newMax()));
                culprits.add(c.value());
            }
            relaxed = Optional.of(q);
            if (reasons.isEmpty()) {
                // the values that need changes are the relaxation's
                reasons.add(Infeasibility.Reason.of(Infeasibility.Kind.QUOTAS_CONFLICT, 0, k));
            }
        } else if (reasons.isEmpty()) {
            reasons.add(Infeasibility.Reason.of(Infeasibility.Kind.NO_PANEL, 0, k));
        }
        return Optional.of(new Infeasibility(reasons, new ArrayList<>(culprits), changes == null ? List.of() : changes,
                relaxed));
    }

    private static boolean hasHouseholds(TypeModel m) {
        return m.households.length > 0;
    }

    /** Distinct households among the people having {@code fv} (all people if null). */
    private static int households(List<Person> people, FeatureValue fv) {
        Set<String> keys = new HashSet<>();
        int singles = 0;
        for (Person p : people) {
            if (fv != null && !p.has(fv)) {
                continue;
            }
            if (p.addressKey() == null) {
                singles++;
            } else {
                keys.add(p.addressKey());
            }
        }
        return singles + keys.size();
    }

    /** The minimal relaxation, or null if even unlimited relaxation admits no panel. */
    private static List<QuotaChange> relax(TypeModel m, int k) {
        MPSolver s = Solvers.ilp();
        try {
            int n = m.typeCount();
            MPVariable[] x = new MPVariable[n];
            MPConstraint total = s.makeConstraint(k, k, "k");
            for (int t = 0; t < n; t++) {
                x[t] = s.makeIntVar(0, Math.min(m.size[t], k), "x" + t);
                total.setCoefficient(x[t], 1);
            }
            MPVariable[] lo = new MPVariable[m.values.size()];
            MPVariable[] hi = new MPVariable[m.values.size()];
            for (int v = 0; v < lo.length; v++) {
                lo[v] = s.makeIntVar(0, m.min[v], "lo" + v);
                hi[v] = s.makeIntVar(0, k, "hi" + v);
                MPConstraint atLeast = s.makeConstraint(m.min[v], Double.POSITIVE_INFINITY, "min" + v);
                MPConstraint atMost = s.makeConstraint(Double.NEGATIVE_INFINITY, m.max[v], "max" + v);
                for (int t : m.valueTypes[v]) {
                    atLeast.setCoefficient(x[t], 1);
                    atMost.setCoefficient(x[t], 1);
                }
                atLeast.setCoefficient(lo[v], 1);
                atMost.setCoefficient(hi[v], -1);
                s.objective().setCoefficient(lo[v], 1);
                s.objective().setCoefficient(hi[v], 1);
            }
            for (int[] h : m.households) {
                MPConstraint c = s.makeConstraint(0, 1);
                for (int t : h) {
                    c.setCoefficient(x[t], 1);
                }
            }
            s.objective().setMinimization();
            MPSolver.ResultStatus st = s.solve(Solvers.exactMip());
            if (st == MPSolver.ResultStatus.INFEASIBLE) {
                return null;
            }
            if (st != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("Relaxation integer program not solved: " + st);
            }
            List<QuotaChange> out = new ArrayList<>();
            for (int v = 0; v < lo.length; v++) {
                int l = (int) Math.round(lo[v].solutionValue());
                int h = (int) Math.round(hi[v].solutionValue());
                if (l > 0 || h > 0) {
                    out.add(new QuotaChange(m.values.get(v), m.min[v], m.max[v], m.min[v] - l, m.max[v] + h));
                }
            }
            return out;
        } finally {
            s.delete();
        }
    }
}
