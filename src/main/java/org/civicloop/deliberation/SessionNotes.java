package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/** What the facilitator records against a round: notes, agreements and minority positions (audited). */
@ApplicationScoped
public class SessionNotes {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    SessionService sessions;
    @Inject
    Juries jury;

    /**
     * Records a note, an agreement or a minority position against a round. A minority position says how many jurors
     * hold it ({@code holders}, fewer than the whole jury) and why (the body).
     */
    @Transactional
    public Result<DeliberationNote> recordNote(Actor actor, long roundId, DeliberationNote.Kind kind, String body,
                                               Integer holders) {
        Result<SessionService.Locked> locked = SessionService.lock(em, cycleViews, actor, roundId, true);
        if (locked instanceof Result.Refused<SessionService.Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        SessionRound round = locked.value().round();
        long cycleId = locked.value().session().getCycleId();
        DeliberationNote.Kind k = kind == null ? DeliberationNote.Kind.NOTE : kind;
        if (SessionService.blank(body, 4000)) {
            return Result.refused("refused.deliberation.body");
        }
        Integer count = null;
        if (k == DeliberationNote.Kind.MINORITY_POSITION) {
            int jurySize = jury.jurySize(cycleId);
            if (holders == null || holders < 1 || holders >= Math.max(2, jurySize)) {
                return Result.refused("refused.note.holders", Math.max(1, jurySize - 1));
            }
            count = holders;
        }
        DeliberationNote note = new DeliberationNote(cycleId, round, k, body.strip(), count, clock.instant(),
                actor.username());
        em.persist(note);
        em.flush();
        audit.record(actor, "deliberation.noteRecorded", "deliberation_note", note.getId(), null,
                "cycle=" + cycleId + " round=" + roundId);
        return Result.done(note);
    }
}
