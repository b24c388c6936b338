package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/**
 * Planning jury day: a session with its join code and screen key, the opinion statements asked before and after,
 * and the agenda of typed rounds (added, and moved while they have not started). Every change is audited.
 */
@ApplicationScoped
public class SessionPlanning {

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

    /** The first step of planning jury day: a facilitator, a cycle that exists, a phase in which it can be planned. */
    private Result<CycleView> plannableCycle(Actor actor, long cycleId) {
        if (!SessionService.isFacilitator(actor)) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        return SessionService.canPlan(cycle.phase()) ? Result.done(cycle) : Result.refused("refused.session.phase");
    }

    @Transactional
    public Result<JurySession> createSession(Actor actor, long cycleId, String title) {
        Result<CycleView> plannable = plannableCycle(actor, cycleId);
        if (!plannable.isDone()) {
            return plannable.map(c -> null);
        }
        if (SessionService.blank(title, 200)) {
            return Result.refused("refused.session.title");
        }
        JurySession s = new JurySession(cycleId, title.strip(), SessionService.randomCode(6), SessionService.randomCode(24), clock.instant(),
                actor.username());
        em.persist(s);
        em.flush();
        audit.record(actor, "deliberation.sessionCreated", "jury_session", s.getId(), null, "cycle=" + cycleId);
        return Result.done(s);
    }

    @Transactional
    public Result<OpinionStatement> addStatement(Actor actor, long cycleId, String wording) {
        Result<CycleView> plannable = plannableCycle(actor, cycleId);
        if (!plannable.isDone()) {
            return plannable.map(c -> null);
        }
        if (SessionService.blank(wording, 500)) {
            return Result.refused("refused.statement.wording");
        }
        int seq = sessions.statements(cycleId).size() + 1;
        OpinionStatement st = new OpinionStatement(cycleId, seq, wording.strip(), clock.instant(), actor.username());
        em.persist(st);
        em.flush();
        audit.record(actor, "deliberation.statementAdded", "opinion_statement", st.getId(), null,
                "cycle=" + cycleId);
        return Result.done(st);
    }

    @Transactional
    public Result<SessionRound> addRound(Actor actor, long sessionId, SessionRound.Kind kind, String title,
                                         String question, int minutes, SessionRound.Stage stage, Long statementId) {
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
        if (kind == null) {
            return Result.refused("refused.round.kind");
        }
        if (SessionService.blank(title, 300)) {
            return Result.refused("refused.deliberation.round");
        }
        if (question != null && question.strip().length() > 2000) {
            return Result.refused("refused.round.question");
        }
        if (minutes < 1 || minutes > 240) {
            return Result.refused("refused.round.minutes");
        }
        if (kind == SessionRound.Kind.POLL_STATEMENT) {
            OpinionStatement st = statementId == null ? null : em.find(OpinionStatement.class, statementId);
            if (st == null || !st.getCycleId().equals(s.getCycleId())) {
                return Result.refused("refused.round.statement");
            }
        } else {
            statementId = null;
        }
        SessionRound.Stage st = kind.isPoll() ? (stage == null ? SessionRound.Stage.DURING : stage) : null;
        int seq = sessions.rounds(sessionId).stream().mapToInt(SessionRound::getSeq).max().orElse(0) + 1;
        SessionRound r = new SessionRound(sessionId, seq, kind, title.strip(),
                question == null || question.isBlank() ? null : question.strip(), minutes, st, statementId);
        em.persist(r);
        em.flush();
        audit.record(actor, "deliberation.roundAdded", "session_round", r.getId(), null,
                "session=" + sessionId + " kind=" + kind);
        changed.fire(new SessionChanged(sessionId));
        return Result.done(r);
    }

    /** Moves a round that has not started one place up (earlier) or down (later) in the agenda. */
    @Transactional
    public Result<SessionRound> moveRound(Actor actor, long roundId, boolean up) {
        Result<SessionService.Locked> locked = SessionService.lock(em, cycleViews, actor, roundId, false);
        if (locked instanceof Result.Refused<SessionService.Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        SessionRound round = locked.value().round();
        if (round.getStatus() != SessionRound.Status.PENDING) {
            return Result.refused("refused.round.state");
        }
        List<SessionRound> agenda = sessions.rounds(round.getSessionId());
        int i = agenda.indexOf(round);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= agenda.size() || agenda.get(j).getStatus() != SessionRound.Status.PENDING) {
            return Result.refused("refused.round.move");
        }
        SessionRound other = agenda.get(j);
        String before = audit.digestOf("session_round", roundId);
        String otherBefore = audit.digestOf("session_round", other.getId());
        int seq = round.getSeq();
        round.moveTo(other.getSeq());
        other.moveTo(seq);
        em.flush();
        audit.record(actor, "deliberation.roundMoved", "session_round", roundId, before, up ? "up" : "down");
        audit.record(actor, "deliberation.roundMoved", "session_round", other.getId(), otherBefore,
                up ? "down" : "up");
        changed.fire(new SessionChanged(round.getSessionId()));
        return Result.done(round);
    }
}
