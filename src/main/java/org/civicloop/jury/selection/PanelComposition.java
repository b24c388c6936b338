package org.civicloop.jury.selection;

import java.util.List;

import org.civicloop.jury.selection.model.Person;

/**
 * One outcome of a panel distribution at the level of groups of interchangeable people: how many members each group
 * contributes. The concrete panel is then drawn uniformly within each group, so each of the
 * {@code prod C(size, count)} concrete panels of this composition has probability
 * {@code probability / prod C(size, count)}.
 *
 * @param probability probability of this composition
 * @param shares the groups contributing at least one member, in group order
 */
public record PanelComposition(double probability, List<Share> shares) {

    public PanelComposition {
        shares = List.copyOf(shares);
    }

    /** {@code count} members drawn uniformly from {@code group} (sorted by id). */
    public record Share(List<Person> group, int count) {
    }
}
