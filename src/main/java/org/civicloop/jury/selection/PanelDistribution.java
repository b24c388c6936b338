package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Quota;

/**
 * A probability distribution over feasible panels, with each person's selection probability. Immutable.
 *
 * <p>The distribution is held as <em>compositions</em> ({@link #compositions()}): how many members each group of
 * interchangeable people ({@link #groups()}) contributes, each with a probability. A concrete panel is a composition
 * with its members drawn uniformly within each group ({@link #draw(String)}), so a member of a group of size
 * {@code s} contributing {@code c} is selected with probability exactly {@code c / s} given the composition, and
 * {@link #probabilityOf(Panel)} gives the exact probability of any concrete panel.
 */
public final class PanelDistribution {

    private final Method method;
    private final int panelSize;
    private final TypeModel model;
    private final List<int[]> compositions;
    private final double[] probabilities;
    private final Map<String, Double> marginals;
    private final Map<String, Object> diagnostics;

    PanelDistribution(Method method, int panelSize, TypeModel model, List<int[]> compositions,
            double[] probabilities, Map<String, Object> diagnostics) {
        this.method = method;
        this.panelSize = panelSize;
        this.model = model;
        // canonical order: by composition vector
        Integer[] order = new Integer[compositions.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compare(compositions.get(a), compositions.get(b)));
        List<int[]> comps = new ArrayList<>();
        double[] probs = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            comps.add(compositions.get(order[i]).clone());
            probs[i] = probabilities[order[i]];
        }
        this.compositions = comps;
        this.probabilities = probs;
        double[] typeMarginal = new double[model.typeCount()];
        for (int j = 0; j < comps.size(); j++) {
            int[] c = comps.get(j);
            for (int t = 0; t < c.length; t++) {
                typeMarginal[t] += probs[j] * c[t] / model.size[t];
            }
        }
        this.marginals = Collections.unmodifiableMap(model.personMarginals(typeMarginal));
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    public Method method() {
        return method;
    }

    public int panelSize() {
        return panelSize;
    }

    /** Selection probability of every person, by id in canonical id order; they sum to the panel size. */
    public Map<String, Double> marginals() {
        return marginals;
    }

    public double probability(String id) {
        Double p = marginals.get(id);
        if (p == null) {
            throw new IllegalArgumentException("No person with id '" + id + "'");
        }
        return p;
    }

    public double minimumProbability() {
        return marginals.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    /** Solver figures (stages, ILP/LP solves, seconds, ...), for logs. */
    public Map<String, Object> diagnostics() {
        return diagnostics;
    }

    /** Groups of interchangeable people (members sorted by id); compositions count members per group. */
    public List<List<Person>> groups() {
        return model.members;
    }

    /** The distribution over compositions (canonical order), each with positive probability. */
    public List<PanelComposition> compositions() {
        List<PanelComposition> out = new ArrayList<>();
        for (int j = 0; j < compositions.size(); j++) {
            int[] c = compositions.get(j);
            List<PanelComposition.Share> shares = new ArrayList<>();
            for (int t = 0; t < c.length; t++) {
                if (c[t] > 0) {
                    shares.add(new PanelComposition.Share(model.members.get(t), c[t]));
                }
            }
            out.add(new PanelComposition(probabilities[j], shares));
        }
        return out;
    }

    /** Number of compositions with positive probability. */
    public int compositionCount() {
        return compositions.size();
    }

    /** The probability that {@link #draw(String)} yields exactly this panel (0 if it is not feasible). */
    public double probabilityOf(Panel panel) {
        int[] counts = new int[model.typeCount()];
        for (Person p : panel.members()) {
            Integer t = model.typeOf.get(p.id());
            if (t == null) {
                return 0;
            }
            counts[t]++;
        }
        for (int j = 0; j < compositions.size(); j++) {
            if (Arrays.equals(compositions.get(j), counts)) {
                double logWays = 0;
                for (int t = 0; t < counts.length; t++) {
                    logWays += logBinomial(model.size[t], counts[t]);
                }
                return probabilities[j] * Math.exp(-logWays);
            }
        }
        return 0;
    }

    private static double logBinomial(int n, int c) {
        double r = 0;
        for (int i = 0; i < c; i++) {
            r += Math.log(n - i) - Math.log(i + 1);
        }
        return r;
    }

    /**
     * Draws a panel, reproducibly. With {@link SeededRandom} of {@code seed}: the first {@code nextDouble()} r
     * picks the first composition (in {@link #compositions()} order) whose cumulative probability exceeds r; then,
     * group by group in {@link #groups()} order, {@code c} of the group's {@code s} members (sorted by id) are chosen
     * by a partial Fisher-Yates shuffle: for {@code i = 0..c-1} swap position {@code i} with
     * {@code i + nextInt(s - i)}, and take the first {@code c}. Every member of a group is thus selected with
     * probability exactly {@code c / s}, and all {@code c}-subsets are equally likely.
     */
    public Panel draw(String seed) {
        SeededRandom rng = new SeededRandom(seed);
        double r = rng.nextDouble();
        double acc = 0;
        int chosen = compositions.size() - 1;
        for (int j = 0; j < compositions.size(); j++) {
            acc += probabilities[j];
            if (r < acc) {
                chosen = j;
                break;
            }
        }
        int[] c = compositions.get(chosen);
        List<Person> members = new ArrayList<>(panelSize);
        for (int t = 0; t < c.length; t++) {
            if (c[t] == 0) {
                continue;
            }
            List<Person> group = new ArrayList<>(model.members.get(t));
            for (int i = 0; i < c[t]; i++) {
                int swap = i + rng.nextInt(group.size() - i);
                Person tmp = group.get(i);
                group.set(i, group.get(swap));
                group.set(swap, tmp);
                members.add(group.get(i));
            }
        }
        return new Panel(members);
    }

    /** Aggregate statistics of the selection probabilities (overall and by quota value). */
    public ProbabilityStats stats() {
        double[] p = marginals.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = p.length;
        double sum = 0;
        double logSum = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            sum += p[i];
            logSum += Math.log(Math.max(p[i], 1e-300));
            weighted += (2.0 * (i + 1) - n - 1) * p[i];
        }
        double mean = n == 0 ? 0 : sum / n;
        double gini = sum == 0 ? 0 : weighted / (n * sum);
        Map<FeatureValue, ProbabilityStats.ValueStats> byValue = new LinkedHashMap<>();
        for (Quota q : model.quotas.quotas()) {
            int count = 0;
            double mn = Double.POSITIVE_INFINITY;
            double mx = 0;
            double s = 0;
            for (Person person : model.people) {
                if (person.has(q.value())) {
                    double pr = marginals.get(person.id());
                    count++;
                    mn = Math.min(mn, pr);
                    mx = Math.max(mx, pr);
                    s += pr;
                }
            }
            byValue.put(q.value(), new ProbabilityStats.ValueStats(count, count == 0 ? 0 : mn,
                    count == 0 ? 0 : s / count, mx));
        }
        return new ProbabilityStats(n == 0 ? 0 : p[0], n == 0 ? 0 : p[n - 1], mean,
                n == 0 ? 0 : Math.exp(logSum / n), gini, Collections.unmodifiableMap(byValue));
    }
}
