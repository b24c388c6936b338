package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/** Use cases of jury day (skeleton): the facilitator records what each round produced. */
@ApplicationScoped
public class DeliberationService {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public Result<DeliberationNote> recordNote(Actor actor, long cycleId, String roundTitle,
                                               DeliberationNote.Kind kind, String body) {
        if (!actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.phase() != Phase.DELIBERATE) {
            return Result.refused("refused.deliberation.phase");
        }
        if (roundTitle == null || roundTitle.isBlank() || roundTitle.length() > 300) {
            return Result.refused("refused.deliberation.round");
        }
        if (body == null || body.isBlank() || body.length() > 4000) {
            return Result.refused("refused.deliberation.body");
        }
        DeliberationNote note = new DeliberationNote(cycleId, roundTitle.strip(), kind == null
                ? DeliberationNote.Kind.NOTE : kind, body.strip(), clock.instant(), actor.username());
        em.persist(note);
        em.flush();
        audit.record(actor, "deliberation.noteRecorded", "deliberation_note", note.getId(), null,
                "cycle=" + cycleId);
        return Result.done(note);
    }

    /** The minority positions the jury asked to have recorded, in the order they were noted (for the report). */
    public List<String> minorityPositions(long cycleId) {
        return notes(cycleId).stream().filter(n -> n.getKind() == DeliberationNote.Kind.MINORITY_POSITION)
                .map(DeliberationNote::getBody).toList();
    }

    public List<DeliberationNote> notes(long cycleId) {
        return em.createQuery("SELECT n FROM DeliberationNote n WHERE n.cycleId = :c ORDER BY n.createdAt, n.id",
                DeliberationNote.class).setParameter("c", cycleId).getResultList();
    }
}
