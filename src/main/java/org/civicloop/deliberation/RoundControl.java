package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.voting.VotingService;

/**
 * Running jury day: the live controls of a round (start, pause, resume, extend, skip, finish) and ending the
 * session. Every change is audited and pushed to the session's screens after it commits.
 */
@ApplicationScoped
public class RoundControl {

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
    VotingService voting;
    @Inject
    Event<SessionChanged> changed;

    /** The live controls of a round. */
    public enum Control { START, PAUSE, RESUME, EXTEND, SKIP, FINISH }

    /**
     * Starts a pending round (any other open round of the session is finished), pauses or resumes its timer,
     * extends it by {@code minutes}, skips it, or finishes it.
     */
    @Transactional
    public Result<SessionRound> control(Actor actor, long roundId, Control control, int minutes) {
        if (control == null) {
            return Result.refused("refused.round.control");
        }
        Result<SessionService.Locked> locked = SessionService.lock(em, cycleViews, actor, roundId, true);
        if (locked instanceof Result.Refused<SessionService.Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        JurySession session = locked.value().session();
        SessionRound round = locked.value().round();
        Instant now = clock.instant();
        String before = audit.digestOf("session_round", roundId);
        SessionRound.Status status = round.getStatus();
        switch (control) {
            case START -> {
                if (status != SessionRound.Status.PENDING) {
                    return Result.refused("refused.round.state");
                }
                if (round.getKind().isRanking() && voting.options(session.getCycleId()).size() < 2) {
                    return Result.refused("refused.round.noOptions");
                }
                for (SessionRound other : sessions.rounds(session.getId())) {
                    if (other.isOpen()) {
                        String otherBefore = audit.digestOf("session_round", other.getId());
                        other.finish(now, SessionRound.Status.DONE);
                        em.flush();
                        audit.record(actor, "deliberation.roundFinished", "session_round", other.getId(),
                                otherBefore, null);
                    }
                }
                String sessionBefore = audit.digestOf("jury_session", session.getId());
                round.start(now);
                session.goLive(round.getId());
                em.flush();
                audit.record(actor, "deliberation.sessionLive", "jury_session", session.getId(), sessionBefore,
                        "round=" + roundId);
            }
            case PAUSE -> {
                if (status != SessionRound.Status.RUNNING) {
                    return Result.refused("refused.round.state");
                }
                round.pause(now);
            }
            case RESUME -> {
                if (status != SessionRound.Status.PAUSED) {
                    return Result.refused("refused.round.state");
                }
                round.resume(now);
            }
            case EXTEND -> {
                if (!round.isOpen()) {
                    return Result.refused("refused.round.state");
                }
                if (minutes < 1 || minutes > 60) {
                    return Result.refused("refused.round.extend");
                }
                round.extend(now, minutes);
            }
            case SKIP -> {
                if (status != SessionRound.Status.PENDING && !round.isOpen()) {
                    return Result.refused("refused.round.state");
                }
                round.finish(now, SessionRound.Status.SKIPPED);
                session.clearCurrent(roundId);
            }
            case FINISH -> {
                if (!round.isOpen()) {
                    return Result.refused("refused.round.state");
                }
                round.finish(now, SessionRound.Status.DONE);
            }
            default -> throw new IllegalStateException();
        }
        em.flush();
        audit.record(actor, "deliberation.round" + control.name().charAt(0) + control.name().substring(1).toLowerCase(),
                "session_round", roundId, before, control == Control.EXTEND ? "minutes=" + minutes : null);
        changed.fire(new SessionChanged(session.getId()));
        return Result.done(round);
    }

    @Transactional
    public Result<JurySession> endSession(Actor actor, long sessionId) {
        if (!SessionService.isFacilitator(actor)) {
            return Result.refused("refused.notAllowed");
        }
        JurySession s = em.find(JurySession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return Result.refused("refused.session.unknown");
        }
        if (s.getStatus() == JurySession.Status.ENDED) {
            return Result.refused("refused.session.ended");
        }
        if (!SessionService.canRun(cycleViews.phaseOf(s.getCycleId()))) {
            return Result.refused("refused.session.phase");
        }
        Instant now = clock.instant();
        for (SessionRound r : sessions.rounds(sessionId)) {
            if (r.isOpen()) {
                String before = audit.digestOf("session_round", r.getId());
                r.finish(now, SessionRound.Status.DONE);
                em.flush();
                audit.record(actor, "deliberation.roundFinished", "session_round", r.getId(), before, null);
            }
        }
        String before = audit.digestOf("jury_session", sessionId);
        s.end(now);
        em.flush();
        audit.record(actor, "deliberation.sessionEnded", "jury_session", sessionId, before, null);
        changed.fire(new SessionChanged(sessionId));
        return Result.done(s);
    }
}
