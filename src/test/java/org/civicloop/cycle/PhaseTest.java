package org.civicloop.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Role;
import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void phasesRunInTheOrderOfTheBriefAndEndClosed() {
        Phase p = Phase.AUTHORISE;
        StringBuilder walk = new StringBuilder(p.name());
        while (p.next().isPresent()) {
            p = p.next().get();
            walk.append(" ").append(p);
        }
        assertEquals("AUTHORISE RECRUIT LEARN DELIBERATE VOTE DECIDE FEEDBACK MEASURE CLOSED", walk.toString());
        assertEquals(Optional.empty(), Phase.CLOSED.next());
    }

    @Test
    void officersMoveEveryPhaseFacilitatorsOnlyTheirOwnResidentsNone() {
        Actor officer = new Actor("o", EnumSet.of(Role.OFFICER));
        Actor facilitator = new Actor("f", EnumSet.of(Role.FACILITATOR));
        Actor resident = new Actor("r", EnumSet.of(Role.RESIDENT, Role.JUROR));
        for (Phase p : Phase.values()) {
            assertTrue(p.canBeMovedOnBy(officer), p.name());
            assertFalse(p.canBeMovedOnBy(resident), p.name());
            assertFalse(p.canBeMovedOnBy(Actor.anonymous()), p.name());
        }
        Set<Phase> facilitated = EnumSet.noneOf(Phase.class);
        for (Phase p : Phase.values()) {
            if (p.canBeMovedOnBy(facilitator)) {
                facilitated.add(p);
            }
        }
        assertEquals(EnumSet.of(Phase.LEARN, Phase.DELIBERATE), facilitated);
    }
}
