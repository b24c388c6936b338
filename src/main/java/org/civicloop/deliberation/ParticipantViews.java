package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * What a juror or resident sees of their own inputs: whether they joined, their hand, their answer to the running poll,
 * their questions and their table; their questionnaire answers; and, for the facilitator's speaking queue only, the
 * name behind a pseudonym. The inputs themselves are {@link ParticipationService}'s use cases.
 */
@ApplicationScoped
public class ParticipantViews {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Juries jury;
    @Inject
    AccountService accounts;
    @Inject
    VotingService voting;

    /**
     * ... and the table the juror sits at (the latest table allocation in this session that seated them; null when
     * none has).
     */
    public record Mine(boolean joined, boolean handRaised, Integer score, List<String> ranking,
                       List<MyQuestion> questions, Integer table) {
    }

    public record MyQuestion(String body, SessionQuestion.Status status) {
    }

    public Mine mine(Actor actor, JurySession s) {
        Optional<Participant> p = participantOf(actor, s.getCycleId());
        if (p.isEmpty()) {
            return new Mine(false, false, null, List.of(), List.of(), null);
        }
        String pseudonym = p.get().getPseudonym();
        Integer score = null;
        List<String> ranking = List.of();
        SessionRound round = s.getCurrentRoundId() == null ? null : em.find(SessionRound.class, s.getCurrentRoundId());
        if (round != null && round.getKind().isPoll()) {
            List<OpinionAnswer> own = em.createQuery("SELECT a FROM OpinionAnswer a WHERE a.cycleId = :c AND"
                            + " a.panel = :p AND a.stage = :st AND a.pseudonym = :ps", OpinionAnswer.class)
                    .setParameter("c", s.getCycleId()).setParameter("p", OpinionAnswer.Panel.JURY)
                    .setParameter("st", round.getStage()).setParameter("ps", pseudonym).getResultList();
            if (round.getKind() == SessionRound.Kind.POLL_STATEMENT) {
                String key = ParticipationService.itemKey(round, "S" + round.getStatementId());
                score = own.stream().filter(a -> a.getItemKey().equals(key)).map(OpinionAnswer::getScore)
                        .findFirst().orElse(null);
            } else {
                Map<Integer, String> byRank = new TreeMap<>();
                for (CostedOption o : voting.options(s.getCycleId())) {
                    String key = ParticipationService.itemKey(round, "O" + o.getCode());
                    own.stream().filter(a -> a.getItemKey().equals(key)).findFirst()
                            .ifPresent(a -> byRank.put(a.getScore(), o.getCode()));
                }
                ranking = List.copyOf(byRank.values());
            }
        }
        List<MyQuestion> questions = em.createQuery("SELECT q FROM SessionQuestion q WHERE q.sessionId = :s AND"
                        + " q.pseudonym = :p ORDER BY q.askedAt, q.id", SessionQuestion.class)
                .setParameter("s", s.getId()).setParameter("p", pseudonym).getResultList().stream()
                .map(q -> new MyQuestion(q.getBody(), q.getStatus())).toList();
        return new Mine(true, ownHand(em, s.getId(), pseudonym).isPresent(), score, ranking, questions, myTable(actor, s));
    }

    /** The table the juror was last seated at in this session (by the facilitator's allocation), if any. */
    private Integer myTable(Actor actor, JurySession s) {
        Optional<Long> volunteer = accounts.idOf(actor.username())
                .flatMap(a -> jury.volunteerOf(s.getCycleId(), a)).map(Juries.Member::volunteerId);
        if (volunteer.isEmpty()) {
            return null;
        }
        return em.createQuery("SELECT t.tableNo FROM TableSeat t, SessionRound r WHERE t.roundId = r.id"
                        + " AND r.sessionId = :s AND t.volunteerId = :v ORDER BY r.seq DESC", Integer.class)
                .setParameter("s", s.getId()).setParameter("v", volunteer.get()).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** The person's existing answers for the questionnaire at this stage: item key to value. */
    public Map<String, Integer> myAnswers(Actor actor, long cycleId, SessionRound.Stage stage) {
        Optional<Participant> p = participantOf(actor, cycleId);
        Map<String, Integer> out = new LinkedHashMap<>();
        p.ifPresent(pp -> em.createQuery("SELECT a FROM OpinionAnswer a WHERE a.cycleId = :c AND a.stage = :st AND"
                        + " a.pseudonym = :ps", OpinionAnswer.class).setParameter("c", cycleId)
                .setParameter("st", stage).setParameter("ps", pp.getPseudonym()).getResultList()
                .forEach(a -> out.put(a.getItemKey(), a.getScore())));
        return out;
    }

    public Optional<Participant> participantOf(Actor actor, long cycleId) {
        Optional<Long> account = accounts.idOf(actor.username());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM Participant p WHERE p.cycleId = :c AND p.accountId = :a",
                Participant.class).setParameter("c", cycleId).setParameter("a", account.get())
                .getResultStream().findFirst();
    }

    /** The display name behind a pseudonym (the facilitator's view of the speaking queue only). */
    public String nameOf(long cycleId, String pseudonym) {
        return em.createQuery("SELECT p FROM Participant p WHERE p.cycleId = :c AND p.pseudonym = :ps",
                        Participant.class).setParameter("c", cycleId).setParameter("ps", pseudonym)
                .getResultStream().findFirst()
                .flatMap(p -> accounts.displayNameOf(p.getAccountId())).orElse("?");
    }

    /** The person's hand raised in this session and not yet lowered, if any. */
    static Optional<RaisedHand> ownHand(EntityManager em, long sessionId, String pseudonym) {
        return em.createQuery("SELECT h FROM RaisedHand h WHERE h.sessionId = :s AND h.pseudonym = :p AND"
                        + " h.loweredAt IS NULL", RaisedHand.class).setParameter("s", sessionId)
                .setParameter("p", pseudonym).getResultStream().findFirst();
    }
}
