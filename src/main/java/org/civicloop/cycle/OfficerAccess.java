package org.civicloop.cycle;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/** The first step of every officer use case on a cycle: may this actor act, and does the cycle exist? */
final class OfficerAccess {

    private OfficerAccess() {
    }

    /** The cycle, when the actor is an officer (or admin) and it exists; refused otherwise. */
    static Result<Cycle> cycle(EntityManager em, Actor actor, long cycleId) {
        return cycle(em, actor, cycleId, LockModeType.NONE);
    }

    /** As {@link #cycle(EntityManager, Actor, long)}, locking the cycle row for the rest of the transaction. */
    static Result<Cycle> cycle(EntityManager em, Actor actor, long cycleId, LockModeType lock) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Cycle cycle = em.find(Cycle.class, cycleId, lock);
        return cycle == null ? Result.refused("refused.cycle.unknown") : Result.done(cycle);
    }
}
