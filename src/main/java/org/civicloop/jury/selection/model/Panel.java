package org.civicloop.jury.selection.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A selected panel: its members sorted by id ({@link Ids#ORDER}). Immutable. */
public record Panel(List<Person> members) {

    public Panel {
        List<Person> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Person::id, Ids.ORDER));
        members = List.copyOf(sorted);
    }

    public List<String> ids() {
        return members.stream().map(Person::id).toList();
    }

    public int size() {
        return members.size();
    }

    public boolean contains(String id) {
        return members.stream().anyMatch(p -> p.id().equals(id));
    }

    /** True if no two members share a household key. */
    public boolean respectsHouseholds() {
        return members.stream().filter(p -> p.addressKey() != null).map(Person::addressKey).distinct().count()
                == members.stream().filter(p -> p.addressKey() != null).count();
    }
}
