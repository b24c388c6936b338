package org.civicloop.voting;

import java.util.List;
import java.util.Set;
import org.civicloop.cycle.ValueCell;

/**
 * What an option is for, in public value terms: the value cells it serves, its value chain (inputs, activities,
 * outputs, intended outcomes), who it affects (including who loses out), its knock-on costs, and the evidence items
 * it rests on.
 */
public record OptionProfile(Set<ValueCell> valueCells, String inputs, String activities, String outputs,
                            String outcomes, String groupsAffected, String knockOnCosts, List<Long> evidenceIds) {

    public OptionProfile {
        valueCells = valueCells == null ? Set.of() : Set.copyOf(valueCells);
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
