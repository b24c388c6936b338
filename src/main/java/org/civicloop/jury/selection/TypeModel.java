package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicloop.jury.selection.model.Feature;
import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Ids;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

/**
 * The pool compressed into groups ("types") of interchangeable people: people with the same value of every feature
 * who share no household with anyone form one type. Each person of a multi-person household is a type of their own,
 * and the household's types may together contribute at most one panel member.
 *
 * <p>Swapping two people of the same type maps feasible panels to feasible panels, so the (unique) leximin
 * selection probabilities are equal within a type; a panel distribution can therefore be computed over type counts
 * ("compositions") and realised by drawing each type's count uniformly from its members (see
 * {@link PanelDistribution#draw(String)}).
 *
 * <p>Order is canonical (independent of the input row order): people by id ({@link Ids#ORDER}); feature-class types
 * by their value indices, then household types by id.
 */
final class TypeModel {

    final Quotas quotas;
    final List<FeatureValue> values;
    final int[] min;
    final int[] max;
    /** Per type: the index of its value of each feature. */
    final int[][] typeValues;
    /** Per type: members sorted by id. */
    final List<List<Person>> members;
    final int[] size;
    /** Per value: the types having it. */
    final int[][] valueTypes;
    /** Per multi-person household: its types. */
    final int[][] households;
    final Map<String, Integer> typeOf;
    final List<Person> people;

    private TypeModel(Quotas quotas, List<FeatureValue> values, List<int[]> typeValues, List<List<Person>> members,
            List<int[]> households, List<Person> people) {
        this.quotas = quotas;
        this.values = values;
        this.min = quotas.quotas().stream().mapToInt(Quota::min).toArray();
        this.max = quotas.quotas().stream().mapToInt(Quota::max).toArray();
        this.typeValues = typeValues.toArray(new int[0][]);
        this.members = members.stream().map(List::copyOf).toList();
        this.size = members.stream().mapToInt(List::size).toArray();
        this.households = households.toArray(new int[0][]);
        this.people = List.copyOf(people);
        List<List<Integer>> vt = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            vt.add(new ArrayList<>());
        }
        for (int t = 0; t < this.typeValues.length; t++) {
            for (int v : this.typeValues[t]) {
                vt.get(v).add(t);
            }
        }
        this.valueTypes = vt.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        Map<String, Integer> to = new HashMap<>();
        for (int t = 0; t < members.size(); t++) {
            for (Person p : members.get(t)) {
                to.put(p.id(), t);
            }
        }
        this.typeOf = to;
    }

    int typeCount() {
        return size.length;
    }

    static TypeModel build(Pool pool, Quotas quotas) {
        List<FeatureValue> values = quotas.quotas().stream().map(Quota::value).toList();
        Map<FeatureValue, Integer> index = new HashMap<>();
        for (int v = 0; v < values.size(); v++) {
            index.put(values.get(v), v);
        }
        List<Feature> features = quotas.features();
        List<Person> people = new ArrayList<>(pool.people());
        people.sort(Comparator.comparing(Person::id, Ids.ORDER));
        Map<String, List<Person>> byAddress = new LinkedHashMap<>();
        Map<String, int[]> valueIdx = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Person p : people) {
            int[] idx = new int[features.size()];
            for (int f = 0; f < features.size(); f++) {
                String v = p.value(features.get(f).name());
                Integer i = v == null || v.isBlank() ? null
                        : index.get(new FeatureValue(features.get(f).name(), v));
                if (i == null) {
                    problems.add("person " + p.id() + " has " + features.get(f).name() + " '" + v
                            + "', which has no quota");
                    i = -1;
                }
                idx[f] = i;
            }
            valueIdx.put(p.id(), idx);
            if (p.addressKey() != null) {
                byAddress.computeIfAbsent(p.addressKey(), a -> new ArrayList<>()).add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : ""));
        }
        Map<List<Integer>, List<Person>> classes = new HashMap<>();
        List<List<Person>> householdGroups = new ArrayList<>();
        for (Person p : people) {
            List<Person> hh = p.addressKey() == null ? null : byAddress.get(p.addressKey());
            if (hh != null && hh.size() > 1) {
                if (hh.get(0) == p) {
                    householdGroups.add(hh);
                }
                continue;
            }
            List<Integer> key = Arrays.stream(valueIdx.get(p.id())).boxed().toList();
            classes.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
        }
        List<List<Integer>> keys = new ArrayList<>(classes.keySet());
        keys.sort((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Integer.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        List<int[]> typeValues = new ArrayList<>();
        List<List<Person>> members = new ArrayList<>();
        for (List<Integer> key : keys) {
            typeValues.add(key.stream().mapToInt(Integer::intValue).toArray());
            members.add(classes.get(key));
        }
        List<int[]> households = new ArrayList<>();
        for (List<Person> hh : householdGroups) {
            int[] types = new int[hh.size()];
            for (int i = 0; i < hh.size(); i++) {
                types[i] = members.size();
                typeValues.add(valueIdx.get(hh.get(i).id()));
                members.add(List.of(hh.get(i)));
            }
            households.add(types);
        }
        return new TypeModel(quotas, values, typeValues, members, households, people);
    }

    /** Marginal selection probability of each person, by id in canonical order, from type marginals. */
    Map<String, Double> personMarginals(double[] typeMarginal) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Person p : people) {
            m.put(p.id(), typeMarginal[typeOf.get(p.id())]);
        }
        return m;
    }
}
