package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.civicloop.jury.Juries;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * What the screens show. The public state (projector, juror phones, remote jurors) holds only aggregates: the round,
 * its question and timer, counts per answer, a running ranking, the questions the facilitator put on screen and how
 * many hands are up; never a name, a pseudonym or anyone's individual answer. The console state adds what only the
 * facilitator sees (submitted questions, who raised a hand).
 */
@ApplicationScoped
public class LiveViews {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** A screen's state as the JSON every screen reads (rendered once for all subscribers). */
    public static String toJson(Object o) {
        return JSON.toJson(o);
    }


    private static final AtomicLong VERSION = new AtomicLong(System.currentTimeMillis() * 1000);

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    SessionService sessions;
    @Inject
    ParticipantViews participantViews;
    @Inject
    VotingService voting;
    @Inject
    Juries jury;
    @Inject
    PreferenceShiftService shifts;
    @Inject
    Clock clock;

    public record RoundView(long id, int seq, int total, SessionRound.Kind kind, String title, String question,
                            SessionRound.Status status, Long endsAt, Integer remainingSeconds,
                            SessionRound.Stage stage, String statement) {
    }

    /** One bar of a statement poll: a scale point and how many chose it. */
    public record Bar(String key, int count) {
    }

    /** One line of a running ranking: Borda points (n for a first choice .. 1 for a last) and first choices. */
    public record Ranked(String code, String title, int points, int firstChoices) {
    }

    public record Poll(String type, int respondents, int jurors, List<Bar> bars, List<Ranked> ranking) {
    }

    public record QueueItem(long id, String body) {
    }

    public record AgendaItem(long id, int seq, SessionRound.Kind kind, String title, SessionRound.Status status,
                             int plannedMinutes) {
    }

    public record ShiftLine(String label, double meanBefore, double meanAfter, double meanShift, int respondents,
                            int changed) {
    }

    public record ShiftSummary(List<ShiftLine> statements, List<ShiftLine> options) {
    }

    public record PublicState(long sessionId, String title, JurySession.Status status, long version, long serverTime,
                              RoundView round, Poll poll, List<QueueItem> queue, int hands, List<AgendaItem> agenda,
                              ShiftSummary shift) {
    }

    public record ConsoleQuestion(long id, String body, SessionQuestion.Status status, long askedAt) {
    }

    public record ConsoleHand(long id, String name, long raisedAt) {
    }

    public record ConsoleState(PublicState state, List<ConsoleQuestion> questions, List<ConsoleHand> hands,
                               int screens) {
    }

    /** A screen opening with a key: the session it follows and its current state as JSON. */
    public record Opened(long sessionId, String json) {
    }

    /**
     * For threads without a transaction context of their own (WebSocket callbacks, after-commit observers): the
     * reads run in a transaction of their own.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<Opened> open(String screenKey) {
        return sessions.byScreenKey(screenKey).map(s -> new Opened(s.getId(), toJson(publicState(s))));
    }

    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.REQUIRES_NEW)
    public String render(long sessionId) {
        return sessions.find(sessionId).map(s -> toJson(publicState(s))).orElse(null);
    }

    public PublicState publicState(JurySession s) {
        // Tied to the clock, so that a screen that reconnects to another server does not take that server's newer
        // states for older ones (servers' clocks agree to well under a second).
        long version = VERSION.updateAndGet(v -> Math.max(v + 1, clock.millis() * 1000));
        // Taken before anything is read: a state with serverTime T holds every change committed before T.
        long serverTime = clock.millis();
        List<SessionRound> rounds = sessions.rounds(s.getId());
        SessionRound current = null;
        int index = 0;
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).getId().equals(s.getCurrentRoundId())) {
                current = rounds.get(i);
                index = i + 1;
            }
        }
        RoundView rv = null;
        Poll poll = null;
        if (current != null) {
            String statement = null;
            if (current.getStatementId() != null) {
                OpinionStatement st = em.find(OpinionStatement.class, current.getStatementId());
                statement = st == null ? null : st.getWording();
            }
            rv = new RoundView(current.getId(), index, rounds.size(), current.getKind(), current.getTitle(),
                    current.getQuestion(), current.getStatus(),
                    current.getEndsAt() == null ? null : current.getEndsAt().toEpochMilli(),
                    current.getRemainingSeconds(), current.getStage(), statement);
            if (current.getKind().isPoll()) {
                poll = poll(s, current);
            }
        }
        List<QueueItem> queue = sessions.questions(s.getId()).stream()
                .filter(q -> q.getStatus() == SessionQuestion.Status.QUEUED)
                .map(q -> new QueueItem(q.getId(), q.getBody())).toList();
        // Once the session has ended nobody is waiting to speak: the screens show no hands still up.
        int hands = s.getStatus() == JurySession.Status.ENDED ? 0 : sessions.raisedHands(s.getId()).size();
        List<AgendaItem> agenda = rounds.stream().map(r -> new AgendaItem(r.getId(), r.getSeq(), r.getKind(),
                r.getTitle(), r.getStatus(), r.getPlannedMinutes())).toList();
        ShiftSummary shift = s.getStatus() == JurySession.Status.ENDED ? summary(shifts.shift(s.getCycleId())) : null;
        return new PublicState(s.getId(), s.getTitle(), s.getStatus(), version, serverTime, rv, poll, queue,
                hands, agenda, shift);
    }

    public ConsoleState consoleState(JurySession s, int screens) {
        PublicState state = publicState(s);
        List<ConsoleQuestion> questions = sessions.questions(s.getId()).stream()
                .filter(q -> q.getStatus() == SessionQuestion.Status.SUBMITTED
                        || q.getStatus() == SessionQuestion.Status.QUEUED)
                .map(q -> new ConsoleQuestion(q.getId(), q.getBody(), q.getStatus(), q.getAskedAt().toEpochMilli()))
                .toList();
        List<ConsoleHand> hands = new ArrayList<>();
        // As on the screens: once the session has ended, nobody is waiting for the floor.
        List<RaisedHand> raised = s.getStatus() == JurySession.Status.ENDED ? List.of()
                : sessions.raisedHands(s.getId());
        for (RaisedHand h : raised) {
            hands.add(new ConsoleHand(h.getId(), participantViews.nameOf(s.getCycleId(), h.getPseudonym()),
                    h.getRaisedAt().toEpochMilli()));
        }
        return new ConsoleState(state, questions, hands, screens);
    }

    private Poll poll(JurySession s, SessionRound round) {
        String suffix = round.getStage() == SessionRound.Stage.DURING ? "@" + round.getId() : "";
        List<CostedOption> options = round.getKind() == SessionRound.Kind.POLL_STATEMENT ? List.of()
                : voting.options(s.getCycleId());
        List<String> keys = round.getKind() == SessionRound.Kind.POLL_STATEMENT
                ? List.of("S" + round.getStatementId() + suffix)
                : options.stream().map(o -> "O" + o.getCode() + suffix).toList();
        List<OpinionAnswer> answers = keys.isEmpty() ? List.of() : em.createQuery("SELECT a FROM OpinionAnswer a"
                        + " WHERE a.cycleId = :c AND a.panel = :p AND a.stage = :st AND a.itemKey IN :keys",
                        OpinionAnswer.class).setParameter("c", s.getCycleId())
                .setParameter("p", OpinionAnswer.Panel.JURY).setParameter("st", round.getStage())
                .setParameter("keys", keys).getResultList();
        int jurors = jury.jurySize(s.getCycleId());
        if (round.getKind() == SessionRound.Kind.POLL_STATEMENT) {
            String key = "S" + round.getStatementId() + suffix;
            int[] counts = new int[ParticipationService.SCALE + 1];
            int respondents = 0;
            for (OpinionAnswer a : answers) {
                if (a.getItemKey().equals(key) && a.getScore() >= 1 && a.getScore() <= ParticipationService.SCALE) {
                    counts[a.getScore()]++;
                    respondents++;
                }
            }
            List<Bar> bars = new ArrayList<>();
            for (int v = 1; v <= ParticipationService.SCALE; v++) {
                bars.add(new Bar(Integer.toString(v), counts[v]));
            }
            return new Poll("scale", respondents, jurors, bars, List.of());
        }
        int n = options.size();
        Map<String, int[]> tally = new HashMap<>();
        java.util.Set<String> people = new java.util.HashSet<>();
        for (CostedOption o : options) {
            tally.put("O" + o.getCode() + suffix, new int[2]);
        }
        for (OpinionAnswer a : answers) {
            int[] t = tally.get(a.getItemKey());
            if (t != null && a.getScore() >= 1 && a.getScore() <= n) {
                t[0] += n - a.getScore() + 1;
                if (a.getScore() == 1) {
                    t[1]++;
                }
                people.add(a.getPseudonym());
            }
        }
        List<Ranked> ranking = new ArrayList<>();
        for (CostedOption o : options) {
            int[] t = tally.get("O" + o.getCode() + suffix);
            ranking.add(new Ranked(o.getCode(), o.getTitle(), t[0], t[1]));
        }
        ranking.sort(Comparator.comparingInt(Ranked::points).reversed().thenComparing(Ranked::code));
        return new Poll("ranking", people.size(), jurors, List.of(), ranking);
    }

    static ShiftSummary summary(PreferenceShift shift) {
        return new ShiftSummary(shift.statements().stream().map(LiveViews::line).toList(),
                shift.options().stream().map(LiveViews::line).toList());
    }

    private static ShiftLine line(PreferenceShift.ItemShift i) {
        return new ShiftLine(i.label(), i.meanBefore(), i.meanAfter(), i.meanShift(), i.respondents(), i.changed());
    }
}
