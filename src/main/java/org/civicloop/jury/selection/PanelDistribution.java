package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Quota;

/**
 * A probability distribution over feasible panels, with each person's selection probability. Immutable.
 *
 * <p>The distribution is held as <em>compositions</em>: how many members each group of interchangeable people
 * contributes ({@link #compositions()}), each with a probability. A composition is turned into a concrete panel by
 * systematic sampling with one offset {@code u} in [0, 1): in a group of {@code s} people (sorted by id) of whom
 * {@code c} are to be selected, the members at indices {@code floor((u + j) * s / c)} for {@code j = 0..c-1} are
 * chosen. Each member of the group is then selected with probability exactly {@code c / s}. {@link #panels()}
 * lists the concrete panels this yields (one per interval of {@code u}) and {@link #draw(String)} samples them.
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

    /** Number of compositions with positive probability. */
    public int compositionCount() {
        return compositions.size();
    }

    /** Composition {@code j}: members to select from each group (see {@link #groups()}). */
    public int[] composition(int j) {
        return compositions.get(j).clone();
    }

    public double compositionProbability(int j) {
        return probabilities[j];
    }

    /**
     * Draws a panel, reproducibly: with {@link SeededRandom} of {@code seed}, the first {@code nextDouble()} r picks
     * the first composition (in {@link #composition(int)} order) whose cumulative probability exceeds r, the second
     * is the systematic-sampling offset u.
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
        return realise(compositions.get(chosen), rng.nextDouble());
    }

    private Panel realise(int[] c, double u) {
        List<Person> members = new ArrayList<>(panelSize);
        for (int t = 0; t < c.length; t++) {
            int s = model.size[t];
            for (int j = 0; j < c[t]; j++) {
                int idx = (int) Math.floor((u + j) * s / c[t]);
                members.add(model.members.get(t).get(Math.min(idx, s - 1)));
            }
        }
        return new Panel(members);
    }

    /**
     * Every concrete panel with positive probability (as {@link #draw(String)} can produce them). For each
     * composition, the offsets u where some group's systematic sample changes are the fractions
     * {@code (i * c mod s) / s}; between two consecutive ones the panel is constant. Can be large (up to about pool
     * size + 1 panels per composition).
     */
    public List<WeightedPanel> panels() {
        List<WeightedPanel> out = new ArrayList<>();
        for (int j = 0; j < compositions.size(); j++) {
            int[] c = compositions.get(j);
            TreeSet<long[]> points = new TreeSet<>(FRACTION_ORDER);
            points.add(new long[] {0, 1});
            for (int t = 0; t < c.length; t++) {
                int s = model.size[t];
                if (c[t] > 0 && c[t] < s) {
                    for (long i = 0; i < s; i++) {
                        long num = i * c[t] % s;
                        long g = gcd(num, s);
                        points.add(new long[] {num / g, s / g});
                    }
                }
            }
            List<long[]> list = new ArrayList<>(points);
            for (int i = 0; i < list.size(); i++) {
                double a = (double) list.get(i)[0] / list.get(i)[1];
                double b = i + 1 < list.size() ? (double) list.get(i + 1)[0] / list.get(i + 1)[1] : 1.0;
                out.add(new WeightedPanel(realise(c, (a + b) / 2), probabilities[j] * (b - a)));
            }
        }
        return out;
    }

    private static final Comparator<long[]> FRACTION_ORDER = (x, y) -> Long.compare(x[0] * y[1], y[0] * x[1]);

    private static long gcd(long a, long b) {
        return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
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
