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

/** A question a juror submitted during the live session; the facilitator puts it on screen, answers or sets it aside. */
@Entity
@Table(name = "session_question")
public class SessionQuestion {

    /** SUBMITTED (only the facilitator sees it), QUEUED (on screen), ANSWERED, DISMISSED. */
    public enum Status { SUBMITTED, QUEUED, ANSWERED, DISMISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "session_id", nullable = false)
    private Long sessionId;
    @Column(name = "round_id")
    private Long roundId;
    @Column(nullable = false)
    private String pseudonym;
    @Column(nullable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected SessionQuestion() {
    }

    SessionQuestion(Long sessionId, Long roundId, String pseudonym, String body, Instant askedAt) {
        this.sessionId = sessionId;
        this.roundId = roundId;
        this.pseudonym = pseudonym;
        this.body = body;
        this.status = Status.SUBMITTED;
        this.askedAt = askedAt;
    }

    void decide(Status s, Instant at) {
        this.status = s;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public Long getRoundId() { return roundId; }
    public String getPseudonym() { return pseudonym; }
    public String getBody() { return body; }
    public Status getStatus() { return status; }
    public Instant getAskedAt() { return askedAt; }
}
