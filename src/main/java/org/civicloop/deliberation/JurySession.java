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

/** A jury day (or part of one): its agenda of rounds, a join code for jurors and a key for projector screens. */
@Entity
@Table(name = "jury_session")
public class JurySession {

    public enum Status { PLANNED, LIVE, ENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String title;
    @Column(name = "join_code", nullable = false)
    private String joinCode;
    @Column(name = "screen_key", nullable = false)
    private String screenKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "current_round_id")
    private Long currentRoundId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected JurySession() {
    }

    JurySession(Long cycleId, String title, String joinCode, String screenKey, Instant createdAt, String createdBy) {
        this.cycleId = cycleId;
        this.title = title;
        this.joinCode = joinCode;
        this.screenKey = screenKey;
        this.status = Status.PLANNED;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void goLive(Long roundId) {
        this.status = Status.LIVE;
        this.currentRoundId = roundId;
    }

    void clearCurrent(Long roundId) {
        if (roundId.equals(currentRoundId)) {
            currentRoundId = null;
        }
    }

    void end(Instant at) {
        this.status = Status.ENDED;
        this.currentRoundId = null;
        this.endedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getTitle() { return title; }
    public String getJoinCode() { return joinCode; }
    public String getScreenKey() { return screenKey; }
    public Status getStatus() { return status; }
    public Long getCurrentRoundId() { return currentRoundId; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getEndedAt() { return endedAt; }
}
