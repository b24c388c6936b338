package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Jury day's sessions as they stand (sessions, agenda, statements, notes, tables, questions, hands) and the steps the
 * facilitator's use cases share. The use cases: {@link SessionPlanning} (sessions, statements, agenda),
 * {@link RoundControl} (running rounds, ending the session), {@link SessionNotes}, {@link JuryTables} (seating and
 * table outputs), {@link SessionFloor} (questions and hands).
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
    Juries jury;
    @Inject
    AccountService accounts;

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

    static boolean blank(String s, int max) {
        return s == null || s.isBlank() || s.strip().length() > max;
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record Locked(JurySession session, SessionRound round) {
    }

    /** The facilitator's first step on a round: role, existence, the session not ended, and (to run it) the phase. */
    static Result<Locked> lock(EntityManager em, Cycles cycleViews, Actor actor, long roundId, boolean running) {
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
                .setParameter("c", code.strip().toUpperCase(Locale.ROOT)).getResultStream().findFirst();
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
        Map<Integer, List<Long>> tables = new TreeMap<>();
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
        Map<Long, String> out = new HashMap<>();
        for (Juries.Member v : jury.jurors(cycleId)) {
            String name = v.accountId() == null ? null : accounts.displayNameOf(v.accountId()).orElse(null);
            out.put(v.volunteerId(), name == null ? "#" + v.volunteerId() : name);
        }
        return out;
    }

    static final Comparator<SessionRound> AGENDA = Comparator.comparingInt(SessionRound::getSeq)
            .thenComparing(SessionRound::getId);
}
