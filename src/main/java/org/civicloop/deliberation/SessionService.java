package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.deliberation.live.SessionChanged;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.VotingService;
import org.civicloop.identity.Account;

/**
 * The facilitator's use cases for jury day: plan a session (its agenda of typed rounds and the opinion statements),
 * run it (start, pause, resume, extend, skip, finish and reorder rounds), record notes, agreements and minority
 * positions, seat jurors at tables and record each table's output, and handle the question queue and raised hands.
 * Every change is audited and pushed to the session's screens after it commits.
 */
@ApplicationScoped
public class SessionService {

    static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

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
    VotingService voting;
    @Inject
    Event<SessionChanged> changed;

    static boolean isFacilitator(Actor actor) {
        return actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN);
    }

    /** Sessions can be planned from recruitment until the jury's vote is over. */
    static boolean canPlan(Phase p) {
        return p.atLeast(Phase.RECRUIT) && !p.isAfter(Phase.VOTE);
    }

    /** Rounds run on jury day and its vote. */
    static boolean canRun(Phase p) {
        return p == Phase.DELIBERATE || p == Phase.VOTE;
    }

    static String randomCode(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static boolean blank(String s, int max) {
        return s == null || s.isBlank() || s.strip().length() > max;
    }

    /** The first step of planning jury day: a facilitator, a cycle that exists, a phase in which it can be planned. */
    private Result<CycleView> plannableCycle(Actor actor, long cycleId) {
        if (!isFacilitator(actor)) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        return canPlan(cycle.phase()) ? Result.done(cycle) : Result.refused("refused.session.phase");
    }

    @Transactional
    public Result<JurySession> createSession(Actor actor, long cycleId, String title) {
        Result<CycleView> plannable = plannableCycle(actor, cycleId);
        if (!plannable.isDone()) {
            return plannable.map(c -> null);
        }
        if (blank(title, 200)) {
            return Result.refused("refused.session.title");
        }
        JurySession s = new JurySession(cycleId, title.strip(), randomCode(6), randomCode(24), clock.instant(),
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
        if (blank(wording, 500)) {
            return Result.refused("refused.statement.wording");
        }
        int seq = statements(cycleId).size() + 1;
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
        if (!isFacilitator(actor)) {
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
        if (blank(title, 300)) {
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
        int seq = rounds(sessionId).stream().mapToInt(SessionRound::getSeq).max().orElse(0) + 1;
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
        Result<Locked> locked = lock(actor, roundId, false);
        if (locked instanceof Result.Refused<Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        SessionRound round = locked.value().round();
        if (round.getStatus() != SessionRound.Status.PENDING) {
            return Result.refused("refused.round.state");
        }
        List<SessionRound> agenda = rounds(round.getSessionId());
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
        Result<Locked> locked = lock(actor, roundId, true);
        if (locked instanceof Result.Refused<Locked> r) {
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
                for (SessionRound other : rounds(session.getId())) {
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
        if (!isFacilitator(actor)) {
            return Result.refused("refused.notAllowed");
        }
        JurySession s = em.find(JurySession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return Result.refused("refused.session.unknown");
        }
        if (s.getStatus() == JurySession.Status.ENDED) {
            return Result.refused("refused.session.ended");
        }
        if (!canRun(cycleViews.phaseOf(s.getCycleId()))) {
            return Result.refused("refused.session.phase");
        }
        Instant now = clock.instant();
        for (SessionRound r : rounds(sessionId)) {
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

    /**
     * Records a note, an agreement or a minority position against a round. A minority position says how many jurors
     * hold it ({@code holders}, fewer than the whole jury) and why (the body).
     */
    @Transactional
    public Result<DeliberationNote> recordNote(Actor actor, long roundId, DeliberationNote.Kind kind, String body,
                                               Integer holders) {
        Result<Locked> locked = lock(actor, roundId, true);
        if (locked instanceof Result.Refused<Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        SessionRound round = locked.value().round();
        long cycleId = locked.value().session().getCycleId();
        DeliberationNote.Kind k = kind == null ? DeliberationNote.Kind.NOTE : kind;
        if (blank(body, 4000)) {
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

    /**
     * Seats the jury at {@code tables} tables for a small-group round, mixing categories evenly and avoiding the
     * tablemates people had in the session's earlier small-group rounds. Re-seating is allowed until a table's
     * output is recorded.
     */
    @Transactional
    public Result<List<TableSeat>> allocateTables(Actor actor, long roundId, int tables) {
        Result<Locked> locked = lock(actor, roundId, true);
        if (locked instanceof Result.Refused<Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        SessionRound round = locked.value().round();
        long cycleId = locked.value().session().getCycleId();
        if (round.getKind() != SessionRound.Kind.SMALL_GROUP) {
            return Result.refused("refused.tables.kind");
        }
        if (!outputs(roundId).isEmpty()) {
            return Result.refused("refused.tables.already");
        }
        List<Juries.Member> jurors = jury.jurors(cycleId);
        if (tables < 1 || tables > jurors.size()) {
            return Result.refused("refused.tables.count", jurors.size());
        }
        Map<Long, Map<String, String>> answers = jury.answers(cycleId);
        List<TableAllocator.Juror> seated = jurors.stream()
                .map(v -> new TableAllocator.Juror(v.volunteerId(), answers.getOrDefault(v.volunteerId(), Map.of()))).toList();
        List<List<Long>> history = new ArrayList<>();
        for (SessionRound other : rounds(round.getSessionId())) {
            if (!other.getId().equals(roundId)) {
                history.addAll(tablesOf(other.getId()).values());
            }
        }
        TableAllocator.Seating seating = TableAllocator.allocate(seated, tables, history, roundId);
        em.createQuery("DELETE FROM TableSeat t WHERE t.roundId = :r").setParameter("r", roundId).executeUpdate();
        List<TableSeat> seats = new ArrayList<>();
        for (int t = 0; t < seating.tables().size(); t++) {
            for (Long volunteerId : seating.tables().get(t)) {
                TableSeat seat = new TableSeat(roundId, t + 1, volunteerId);
                em.persist(seat);
                seats.add(seat);
            }
        }
        em.flush();
        audit.note(actor, "deliberation.tablesAllocated", "session_round", Long.toString(roundId),
                "tables=" + tables + " mixCost=" + seating.mixCost() + " repeatedPairs=" + seating.repeatedPairs());
        // Jurors' phones ask again for their own view, which now names their table.
        changed.fire(new SessionChanged(round.getSessionId()));
        return Result.done(seats);
    }

    @Transactional
    public Result<TableOutput> recordTableOutput(Actor actor, long roundId, int tableNo, String keyPoints,
                                                 String agreements, String disagreements) {
        Result<Locked> locked = lock(actor, roundId, true);
        if (locked instanceof Result.Refused<Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        if (!tablesOf(roundId).containsKey(tableNo)) {
            return Result.refused("refused.tables.unknownTable", tableNo);
        }
        if (blank(keyPoints, 4000) || (agreements != null && agreements.length() > 4000)
                || (disagreements != null && disagreements.length() > 4000)) {
            return Result.refused("refused.tables.output");
        }
        TableOutput out = outputs(roundId).stream().filter(o -> o.getTableNo() == tableNo).findFirst().orElse(null);
        String before = null;
        if (out == null) {
            out = new TableOutput(roundId, tableNo);
        } else {
            before = audit.digestOf("table_output", out.getId());
        }
        out.record(keyPoints.strip(), emptyToNull(agreements), emptyToNull(disagreements), clock.instant(),
                actor.username());
        if (out.getId() == null) {
            em.persist(out);
        }
        em.flush();
        audit.record(actor, "deliberation.tableOutputRecorded", "table_output", out.getId(), before,
                "round=" + roundId + " table=" + tableNo);
        return Result.done(out);
    }

    /** Puts a juror's question on screen (QUEUED), marks it ANSWERED, or sets it aside (DISMISSED). */
    @Transactional
    public Result<SessionQuestion> decideQuestion(Actor actor, long questionId, SessionQuestion.Status status) {
        if (!isFacilitator(actor)) {
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
        if (!isFacilitator(actor)) {
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

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record Locked(JurySession session, SessionRound round) {
    }

    /** The facilitator's first step on a round: role, existence, the session not ended, and (to run it) the phase. */
    private Result<Locked> lock(Actor actor, long roundId, boolean running) {
        if (!isFacilitator(actor)) {
            return Result.refused("refused.notAllowed");
        }
        SessionRound round = em.find(SessionRound.class, roundId);
        if (round == null) {
            return Result.refused("refused.round.unknown");
        }
        JurySession session = em.find(JurySession.class, round.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(round);
        if (session.getStatus() == JurySession.Status.ENDED) {
            return Result.refused("refused.session.ended");
        }
        if (running && !canRun(cycleViews.phaseOf(session.getCycleId()))) {
            return Result.refused("refused.session.phase");
        }
        return Result.done(new Locked(session, round));
    }

    // ---- queries ----

    public Optional<JurySession> find(long sessionId) {
        return Optional.ofNullable(em.find(JurySession.class, sessionId));
    }

    public Optional<JurySession> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT s FROM JurySession s WHERE s.joinCode = :c", JurySession.class)
                .setParameter("c", code.strip().toUpperCase(java.util.Locale.ROOT)).getResultStream().findFirst();
    }

    public Optional<JurySession> byScreenKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT s FROM JurySession s WHERE s.screenKey = :k", JurySession.class)
                .setParameter("k", key.strip()).getResultStream().findFirst();
    }

    public List<JurySession> sessions(long cycleId) {
        return em.createQuery("SELECT s FROM JurySession s WHERE s.cycleId = :c ORDER BY s.createdAt, s.id",
                JurySession.class).setParameter("c", cycleId).getResultList();
    }

    public List<SessionRound> rounds(long sessionId) {
        return em.createQuery("SELECT r FROM SessionRound r WHERE r.sessionId = :s ORDER BY r.seq, r.id",
                SessionRound.class).setParameter("s", sessionId).getResultList();
    }

    /**
     * The rounds as the database has them now, refreshing any copy this request read before a change (a page that
     * runs a round and draws the agenda again in the same request).
     */
    public List<SessionRound> roundsNow(long sessionId) {
        return em.createQuery("SELECT r FROM SessionRound r WHERE r.sessionId = :s ORDER BY r.seq, r.id",
                SessionRound.class).setParameter("s", sessionId).setHint("eclipselink.refresh", "true")
                .getResultList();
    }

    public Optional<SessionRound> round(long roundId) {
        return Optional.ofNullable(em.find(SessionRound.class, roundId));
    }

    public List<OpinionStatement> statements(long cycleId) {
        return em.createQuery("SELECT s FROM OpinionStatement s WHERE s.cycleId = :c ORDER BY s.seq, s.id",
                OpinionStatement.class).setParameter("c", cycleId).getResultList();
    }

    public List<DeliberationNote> notes(long sessionId) {
        return em.createQuery("SELECT n FROM DeliberationNote n WHERE n.roundId IN (SELECT r.id FROM SessionRound r"
                + " WHERE r.sessionId = :s) ORDER BY n.createdAt, n.id", DeliberationNote.class)
                .setParameter("s", sessionId).getResultList();
    }

    /** Table number to the volunteer ids seated there (in table order). */
    public Map<Integer, List<Long>> tablesOf(long roundId) {
        Map<Integer, List<Long>> tables = new java.util.TreeMap<>();
        em.createQuery("SELECT t FROM TableSeat t WHERE t.roundId = :r ORDER BY t.tableNo, t.volunteerId",
                TableSeat.class).setParameter("r", roundId).getResultList()
                .forEach(t -> tables.computeIfAbsent(t.getTableNo(), k -> new ArrayList<>()).add(t.getVolunteerId()));
        return tables;
    }

    public List<TableOutput> outputs(long roundId) {
        return em.createQuery("SELECT o FROM TableOutput o WHERE o.roundId = :r ORDER BY o.tableNo",
                TableOutput.class).setParameter("r", roundId).getResultList();
    }

    public List<SessionQuestion> questions(long sessionId) {
        return em.createQuery("SELECT q FROM SessionQuestion q WHERE q.sessionId = :s ORDER BY q.askedAt, q.id",
                SessionQuestion.class).setParameter("s", sessionId).getResultList();
    }

    public List<RaisedHand> raisedHands(long sessionId) {
        return em.createQuery("SELECT h FROM RaisedHand h WHERE h.sessionId = :s AND h.loweredAt IS NULL"
                + " ORDER BY h.raisedAt, h.id", RaisedHand.class).setParameter("s", sessionId).getResultList();
    }

    /** The jurors' display names by volunteer id (the facilitator seats people by name). */
    public Map<Long, String> jurorNames(long cycleId) {
        Map<Long, String> out = new java.util.HashMap<>();
        for (Juries.Member v : jury.jurors(cycleId)) {
            Account a = v.accountId() == null ? null
                    : em.find(Account.class, v.accountId());
            out.put(v.volunteerId(), a == null ? "#" + v.volunteerId() : a.getDisplayName());
        }
        return out;
    }

    static final Comparator<SessionRound> AGENDA = Comparator.comparingInt(SessionRound::getSeq)
            .thenComparing(SessionRound::getId);
}
