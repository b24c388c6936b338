package org.civicloop.cycle;

import java.util.Optional;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Role;

/** The phases of a deliberation cycle, in the only order a cycle moves through them. */
public enum Phase {
    AUTHORISE, RECRUIT, LEARN, DELIBERATE, VOTE, DECIDE, FEEDBACK, MEASURE, CLOSED;

    public Optional<Phase> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** Officers move every phase on; facilitators also move on the phases they run (jury day and its vote). */
    public boolean canBeMovedOnBy(Actor actor) {
        if (actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return true;
        }
        return actor.has(Role.FACILITATOR) && (this == LEARN || this == DELIBERATE);
    }

    public boolean isAfter(Phase other) {
        return ordinal() > other.ordinal();
    }

    public boolean atLeast(Phase other) {
        return ordinal() >= other.ordinal();
    }
}
