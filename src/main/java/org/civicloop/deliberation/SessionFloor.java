package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/** The facilitator's handling of the floor: jurors' questions (queued on screen, answered, dismissed) and raised hands. */
@ApplicationScoped
public class SessionFloor {

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
    Event<SessionChanged> changed;

    /** Puts a juror's question on screen (QUEUED), marks it ANSWERED, or sets it aside (DISMISSED). */
    @Transactional
    public Result<SessionQuestion> decideQuestion(Actor actor, long questionId, SessionQuestion.Status status) {
        if (!SessionService.isFacilitator(actor)) {
            return Result.refused("refused.notAllowed");
        }
        SessionQuestion q = em.find(SessionQuestion.class, questionId, LockModeType.PESSIMISTIC_WRITE);
        if (q == null) {
            return Result.refused("refused.question.unknown");
        }
        if (status == null || status == SessionQuestion.Status.SUBMITTED) {
            return Result.refused("refused.question.status");
        }
        if (q.getStatus() == SessionQuestion.Status.ANSWERED || q.getStatus() == SessionQuestion.Status.DISMISSED) {
            return Result.refused("refused.question.closed");
        }
        String before = audit.digestOf("session_question", questionId);
        q.decide(status, clock.instant());
        em.flush();
        audit.record(actor, "deliberation.question" + status.name().charAt(0) + status.name().substring(1)
                .toLowerCase(), "session_question", questionId, before, null);
        changed.fire(new SessionChanged(q.getSessionId()));
        return Result.done(q);
    }

    /** The facilitator gives a juror the floor (or takes a hand down): the hand leaves the speaking queue. */
    @Transactional
    public Result<RaisedHand> lowerHand(Actor actor, long handId) {
        if (!SessionService.isFacilitator(actor)) {
            return Result.refused("refused.notAllowed");
        }
        RaisedHand h = em.find(RaisedHand.class, handId, LockModeType.PESSIMISTIC_WRITE);
        if (h == null) {
            return Result.refused("refused.hand.unknown");
        }
        if (h.getLoweredAt() != null) {
            return Result.refused("refused.hand.closed");
        }
        String before = audit.digestOf("session_hand", handId);
        h.lower(clock.instant());
        em.flush();
        audit.record(actor, "deliberation.handLowered", "session_hand", handId, before, null);
        changed.fire(new SessionChanged(h.getSessionId()));
        return Result.done(h);
    }
}
