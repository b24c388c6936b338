package org.civicloop.deliberation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One round on a session's agenda, of a type, with its own timer. */
@Entity
@Table(name = "session_round")
public class SessionRound {

    /** The types of round on a jury day. */
    public enum Kind {
        EVIDENCE, WITNESS_QUESTIONS, SMALL_GROUP, OPEN_DISCUSSION, POLL_STATEMENT, POLL_RANKING, VOTE;

        /** Rounds where jurors answer on their phones. */
        public boolean isPoll() {
            return this == POLL_STATEMENT || this == POLL_RANKING || this == VOTE;
        }

        /** Rounds answered by ranking the cycle's options. */
        public boolean isRanking() {
            return this == POLL_RANKING || this == VOTE;
        }
    }

    public enum Status { PENDING, RUNNING, PAUSED, DONE, SKIPPED }

    /** For polls: whether the answers are the "before" or "after" answers of the preference shift, or neither. */
    public enum Stage { BEFORE, AFTER, DURING }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "session_id", nullable = false)
    private Long sessionId;
    @Column(nullable = false)
    private int seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String title;
    private String question;
    @Column(name = "planned_minutes", nullable = false)
    private int plannedMinutes;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Column(name = "statement_id")
    private Long statementId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Column(name = "remaining_seconds")
    private Integer remainingSeconds;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected SessionRound() {
    }

    SessionRound(Long sessionId, int seq, Kind kind, String title, String question, int plannedMinutes, Stage stage,
                 Long statementId) {
        this.sessionId = sessionId;
        this.seq = seq;
        this.kind = kind;
        this.title = title;
        this.question = question;
        this.plannedMinutes = plannedMinutes;
        this.stage = stage;
        this.statementId = statementId;
        this.status = Status.PENDING;
    }

    void start(Instant now) {
        this.status = Status.RUNNING;
        this.startedAt = now;
        this.endsAt = now.plusSeconds(plannedMinutes * 60L);
        this.remainingSeconds = null;
    }

    void pause(Instant now) {
        this.status = Status.PAUSED;
        this.remainingSeconds = (int) Math.max(0, endsAt.getEpochSecond() - now.getEpochSecond());
        this.endsAt = null;
    }

    void resume(Instant now) {
        this.status = Status.RUNNING;
        this.endsAt = now.plusSeconds(remainingSeconds == null ? 0 : remainingSeconds);
        this.remainingSeconds = null;
    }

    void extend(Instant now, int minutes) {
        if (status == Status.PAUSED) {
            remainingSeconds = (remainingSeconds == null ? 0 : remainingSeconds) + minutes * 60;
        } else {
            Instant base = endsAt == null || endsAt.isBefore(now) ? now : endsAt;
            endsAt = base.plusSeconds(minutes * 60L);
        }
    }

    void finish(Instant now, Status how) {
        this.status = how;
        this.endedAt = now;
        this.endsAt = null;
        this.remainingSeconds = null;
    }

    void moveTo(int newSeq) {
        this.seq = newSeq;
    }

    public boolean isOpen() {
        return status == Status.RUNNING || status == Status.PAUSED;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public int getSeq() { return seq; }
    public Kind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getQuestion() { return question; }
    public int getPlannedMinutes() { return plannedMinutes; }
    public Stage getStage() { return stage; }
    public Long getStatementId() { return statementId; }
    public Status getStatus() { return status; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndsAt() { return endsAt; }
    public Integer getRemainingSeconds() { return remainingSeconds; }
    public Instant getEndedAt() { return endedAt; }
}
