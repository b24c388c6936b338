package org.civicloop.voting.count;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An election or participatory budget instance: its options (in file order; ballots refer to them by index),
 * the budget (budget rules), the number of seats (STV, when the file says it), withdrawn options and metadata.
 */
public final class Election {

    private final String title;
    private final List<Option> options;
    private final Fraction budget;
    private final int seats;
    private final Set<Integer> withdrawn;
    private final Map<String, String> meta;
    private final Map<String, Integer> index = new HashMap<>();

    public Election(String title, List<Option> options, Fraction budget, int seats, Set<Integer> withdrawn,
            Map<String, String> meta) {
        this.title = title == null ? "" : title;
        this.options = List.copyOf(options);
        this.budget = budget;
        this.seats = seats;
        this.withdrawn = Collections.unmodifiableSet(new TreeSet<>(withdrawn == null ? Set.of() : withdrawn));
        this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta == null ? Map.of() : meta));
        for (int i = 0; i < this.options.size(); i++) {
            if (index.putIfAbsent(this.options.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate option id " + this.options.get(i).id());
            }
        }
    }

    /** A ranked election without budget. */
    public static Election ranked(String title, List<Option> options, int seats) {
        return new Election(title, options, null, seats, Set.of(), Map.of());
    }

    /** A participatory budget. */
    public static Election budgeted(String title, List<Option> projects, Fraction budget) {
        return new Election(title, projects, budget, 0, Set.of(), Map.of());
    }

    public String title() {
        return title;
    }

    public List<Option> options() {
        return options;
    }

    public int size() {
        return options.size();
    }

    public Option option(int i) {
        return options.get(i);
    }

    public String id(int i) {
        return options.get(i).id();
    }

    /** The ids of these options (indexes), in the tie-breaking order: how explanations list a group of options. */
    public List<String> sortedIds(List<Integer> indexes) {
        List<String> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(id(i));
        }
        out.sort(null);
        return out;
    }

    /** Index of the option with this id, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The budget envelope, or null when the election has none. */
    public Fraction budget() {
        return budget;
    }

    /** Number of seats given by the file, 0 when unknown. */
    public int seats() {
        return seats;
    }

    /** Indexes of withdrawn options (BLT): they take no part in the count. */
    public Set<Integer> withdrawn() {
        return withdrawn;
    }

    public Map<String, String> meta() {
        return meta;
    }

    /** Compares two options by the tie-breaking order: lexicographic (String) order of their ids. */
    public int compareIds(int a, int b) {
        return id(a).compareTo(id(b));
    }
}
