package org.civicloop.jury.selection.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pool of volunteers (respondents), in input order, with the column layout of the file they came from (so that
 * exports keep every column unchanged). Immutable.
 */
public final class Pool {

    private final List<String> header;
    private final List<Person> people;
    private final String idColumn;
    private final List<String> addressColumns;
    private final Map<String, Person> byId;

    /**
     * @param header column names of the source file in order (empty for pools built in code)
     * @param people the volunteers; ids must be unique
     * @param idColumn the id column, or {@code null} when ids are the 1-based data row numbers
     * @param addressColumns the columns whose normalised values form the household key (may be empty)
     */
    public Pool(List<String> header, List<Person> people, String idColumn, List<String> addressColumns) {
        this.header = List.copyOf(header);
        this.people = List.copyOf(people);
        this.idColumn = idColumn;
        this.addressColumns = List.copyOf(addressColumns);
        Map<String, Person> m = new LinkedHashMap<>();
        for (Person p : people) {
            if (m.put(p.id(), p) != null) {
                throw new IllegalArgumentException("Duplicate person id '" + p.id() + "'");
            }
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /** A pool built in code (no file columns). */
    public static Pool of(List<Person> people) {
        return new Pool(List.of(), people, null, List.of());
    }

    public List<String> header() {
        return header;
    }

    public List<Person> people() {
        return people;
    }

    public int size() {
        return people.size();
    }

    /** The id column, or empty when ids are 1-based data row numbers. */
    public Optional<String> idColumn() {
        return Optional.ofNullable(idColumn);
    }

    public List<String> addressColumns() {
        return addressColumns;
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Person get(String id) {
        Person p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException("No person with id '" + id + "'");
        }
        return p;
    }

    /** Number of distinct households (people without an address key count as their own household). */
    public int householdCount() {
        Set<String> keys = new HashSet<>();
        int singles = 0;
        for (Person p : people) {
            if (p.addressKey() == null) {
                singles++;
            } else {
                keys.add(p.addressKey());
            }
        }
        return singles + keys.size();
    }

    /** The people with the given ids, in the given order. */
    public List<Person> resolve(List<String> ids) {
        List<Person> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(get(id));
        }
        return out;
    }
}
