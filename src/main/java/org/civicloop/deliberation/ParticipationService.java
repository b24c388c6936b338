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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * What jurors and residents do: join a live session, answer its polls, ask questions, raise a hand, and answer the
 * before/after questions (the same statements and option ranking). Inputs are stored against a random pseudonym;
 * the audit chain notes them under that pseudonym (never with the person's name, never with the answer). What they
 * see of their own inputs: {@link ParticipantViews}.
 */
@ApplicationScoped
public class ParticipationService {

    public static final int SCALE = 5;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Juries jury;
    @Inject
    AccountService accounts;
    @Inject
    VotingService voting;
    @Inject
    SessionService sessions;
    @Inject
    Event<SessionChanged> changed;

    /** What a participant sends for one poll: a scale value (statement polls) or option codes in rank order. */
    public record PollAnswer(Integer score, List<String> ranking) {
    }

    /** A juror joins a session with its code; answers the session they joined. */
    @Transactional
    public Result<JurySession> join(Actor actor, String code) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        Optional<JurySession> found = sessions.byCode(code);
        if (found.isEmpty()) {
            return Result.refused("refused.session.code");
        }
        JurySession s = found.get();
        if (s.getStatus() == JurySession.Status.ENDED) {
            return Result.refused("refused.session.ended");
        }
        if (!jury.isJuror(s.getCycleId(), actor.username())) {
            return Result.refused("refused.session.notJuror");
        }
        participant(actor, s.getCycleId());
        return Result.done(s);
    }

    /** A juror's answer to the running poll round (a changed answer replaces the earlier one). */
    @Transactional
    public Result<SessionRound> answerPoll(Actor actor, long roundId, PollAnswer answer) {
        Result<Seat> seat = seat(actor, roundId);
        if (seat instanceof Result.Refused<Seat> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        SessionRound round = seat.value().round();
        long cycleId = seat.value().session().getCycleId();
        if (!round.getKind().isPoll()) {
            return Result.refused("refused.poll.notPoll");
        }
        if (round.getStatus() != SessionRound.Status.RUNNING) {
            return Result.refused("refused.poll.closed");
        }
        Map<String, Integer> values;
        if (round.getKind() == SessionRound.Kind.POLL_STATEMENT) {
            if (answer == null || answer.score() == null || answer.score() < 1 || answer.score() > SCALE) {
                return Result.refused("refused.poll.score", SCALE);
            }
            values = Map.of(itemKey(round, "S" + round.getStatementId()), answer.score());
        } else {
            Result<Map<String, Integer>> ranked = ranking(cycleId, answer == null ? null : answer.ranking());
            if (ranked instanceof Result.Refused<Map<String, Integer>> r) {
                return Result.refused(r.key(), r.args().toArray());
            }
            values = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : ranked.value().entrySet()) {
                values.put(itemKey(round, e.getKey()), e.getValue());
            }
        }
        Participant p = seat.value().participant();
        store(cycleId, OpinionAnswer.Panel.JURY, round.getStage(), p, values);
        audit.noteQueued(pseudonymous(p), "deliberation.pollAnswered", "session_round", Long.toString(roundId), null);
        changed.fire(new SessionChanged(round.getSessionId()));
        return Result.done(round);
    }

    /**
     * The before/after questions outside a live session: every statement on the 1..5 scale and the options in rank
     * order. Jurors answer for the jury; residents who are not jurors for the residents' panel. Before answers are
     * taken from recruitment until the vote; after answers on jury day and during the vote.
     */
    @Transactional
    public Result<OpinionAnswer.Panel> answerQuestions(Actor actor, long cycleId, SessionRound.Stage stage,
                                                       Map<Long, Integer> scores, List<String> ranking) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        if (stage != SessionRound.Stage.BEFORE && stage != SessionRound.Stage.AFTER) {
            return Result.refused("refused.opinion.stage");
        }
        Phase phase = cycle.phase();
        boolean open = stage == SessionRound.Stage.BEFORE ? SessionService.canPlan(phase) : SessionService.canRun(phase);
        if (!open) {
            return Result.refused("refused.opinion.phase");
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        List<OpinionStatement> statements = sessions.statements(cycleId);
        for (OpinionStatement st : statements) {
            Integer v = scores == null ? null : scores.get(st.getId());
            if (v == null || v < 1 || v > SCALE) {
                return Result.refused("refused.opinion.incomplete", SCALE);
            }
            values.put(st.itemKey(), v);
        }
        if (voting.options(cycleId).size() >= 2) {
            Result<Map<String, Integer>> ranked = ranking(cycleId, ranking);
            if (ranked instanceof Result.Refused<Map<String, Integer>> r) {
                return Result.refused(r.key(), r.args().toArray());
            }
            values.putAll(ranked.value());
        }
        if (values.isEmpty()) {
            return Result.refused("refused.opinion.nothing");
        }
        OpinionAnswer.Panel panel = jury.isJuror(cycleId, actor.username()) ? OpinionAnswer.Panel.JURY
                : OpinionAnswer.Panel.RESIDENTS;
        Participant p = participant(actor, cycleId);
        store(cycleId, panel, stage, p, values);
        audit.noteQueued(pseudonymous(p), "deliberation.opinionsAnswered", "cycle", Long.toString(cycleId),
                "panel=" + panel + " stage=" + stage);
        return Result.done(panel);
    }

    @Transactional
    public Result<SessionQuestion> askQuestion(Actor actor, long sessionId, String body) {
        Result<Seat> seat = seatInSession(actor, sessionId);
        if (seat instanceof Result.Refused<Seat> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        if (body == null || body.isBlank() || body.strip().length() > 500) {
            return Result.refused("refused.question.body");
        }
        JurySession s = seat.value().session();
        SessionQuestion q = new SessionQuestion(sessionId, s.getCurrentRoundId(), seat.value().participant()
                .getPseudonym(), body.strip(), clock.instant());
        em.persist(q);
        em.flush();
        audit.recordCreationQueued(pseudonymous(seat.value().participant()), "deliberation.questionAsked",
                "session_question", q.getId(), null);
        changed.fire(new SessionChanged(sessionId));
        return Result.done(q);
    }

    /** Raises (true) or lowers (false) the juror's hand in the speaking queue. */
    @Transactional
    public Result<Boolean> hand(Actor actor, long sessionId, boolean raise) {
        Result<Seat> seat = seatInSession(actor, sessionId);
        if (seat instanceof Result.Refused<Seat> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        Participant p = seat.value().participant();
        Optional<RaisedHand> up = ParticipantViews.ownHand(em, sessionId, p.getPseudonym());
        if (raise == up.isPresent()) {
            return Result.done(raise);
        }
        if (raise) {
            RaisedHand h = new RaisedHand(sessionId, p.getPseudonym(), clock.instant());
            em.persist(h);
            em.flush();
            audit.recordCreationQueued(pseudonymous(p), "deliberation.handRaised", "session_hand", h.getId(), null);
        } else {
            RaisedHand h = up.get();
            String before = audit.digestOf("session_hand", h.getId());
            h.lower(clock.instant());
            em.flush();
            audit.record(pseudonymous(p), "deliberation.handLowered", "session_hand", h.getId(), before, null);
        }
        changed.fire(new SessionChanged(sessionId));
        return Result.done(raise);
    }

    // ---- helpers ----

    /** The key a poll round's answers are stored under: before/after rounds share the questionnaire's keys. */
    static String itemKey(SessionRound round, String item) {
        return round.getStage() == SessionRound.Stage.DURING ? item + "@" + round.getId() : item;
    }

    private Result<Map<String, Integer>> ranking(long cycleId, List<String> ranking) {
        List<CostedOption> options = voting.options(cycleId);
        Set<String> codes = new HashSet<>();
        options.forEach(o -> codes.add(o.getCode()));
        if (ranking == null || ranking.size() != options.size() || !codes.equals(new HashSet<>(ranking))) {
            return Result.refused("refused.poll.ranking", options.size());
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            out.put("O" + ranking.get(i), i + 1);
        }
        return Result.done(out);
    }

    private void store(long cycleId, OpinionAnswer.Panel panel, SessionRound.Stage stage, Participant p,
                       Map<String, Integer> values) {
        Instant now = clock.instant();
        Map<String, OpinionAnswer> existing = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM OpinionAnswer a WHERE a.cycleId = :c AND a.panel = :p AND a.stage = :st AND"
                        + " a.pseudonym = :ps", OpinionAnswer.class).setParameter("c", cycleId)
                .setParameter("p", panel).setParameter("st", stage).setParameter("ps", p.getPseudonym())
                .getResultList().forEach(a -> existing.put(a.getItemKey(), a));
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            OpinionAnswer a = existing.get(e.getKey());
            if (a == null) {
                em.persist(new OpinionAnswer(cycleId, panel, stage, p.getPseudonym(), e.getKey(), e.getValue(), now));
            } else {
                a.change(e.getValue(), now);
            }
        }
        em.flush();
    }

    /** The participant row of this person in this cycle, locked (one person's inputs never race), made if new. */
    private Participant participant(Actor actor, long cycleId) {
        long accountId = accounts.idOf(actor.username()).orElseThrow();
        Optional<Participant> p = em.createQuery("SELECT p FROM Participant p WHERE p.cycleId = :c AND"
                        + " p.accountId = :a", Participant.class).setParameter("c", cycleId)
                .setParameter("a", accountId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (p.isPresent()) {
            return p.get();
        }
        Participant made = new Participant(cycleId, accountId, SessionService.randomCode(16), clock.instant());
        em.persist(made);
        em.flush();
        audit.record(actor, "deliberation.participantJoined", "deliberation_participant", made.getId(), null,
                "cycle=" + cycleId);
        return made;
    }

    static Actor pseudonymous(Participant p) {
        return new Actor("participant:" + p.getPseudonym(), Set.of());
    }

    record Seat(JurySession session, SessionRound round, Participant participant) {
    }

    private Result<Seat> seatInSession(Actor actor, long sessionId) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        JurySession s = em.find(JurySession.class, sessionId);
        if (s == null) {
            return Result.refused("refused.session.unknown");
        }
        if (s.getStatus() != JurySession.Status.LIVE) {
            return Result.refused("refused.session.notLive");
        }
        if (!SessionService.canRun(cycleViews.phaseOf(s.getCycleId()))) {
            return Result.refused("refused.session.phase");
        }
        if (!jury.isJuror(s.getCycleId(), actor.username())) {
            return Result.refused("refused.session.notJuror");
        }
        return Result.done(new Seat(s, null, participant(actor, s.getCycleId())));
    }

    private Result<Seat> seat(Actor actor, long roundId) {
        SessionRound round = em.find(SessionRound.class, roundId);
        if (round == null) {
            return Result.refused("refused.round.unknown");
        }
        Result<Seat> seat = seatInSession(actor, round.getSessionId());
        if (seat instanceof Result.Refused<Seat> r) {
            return r;
        }
        return Result.done(new Seat(seat.value().session(), round, seat.value().participant()));
    }
}
