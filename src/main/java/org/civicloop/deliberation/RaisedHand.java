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

/** A juror's raised hand in the speaking queue, until lowered (by them or the facilitator). */
@Entity
@Table(name = "session_hand")
public class RaisedHand {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "session_id", nullable = false)
    private Long sessionId;
    @Column(nullable = false)
    private String pseudonym;
    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;
    @Column(name = "lowered_at")
    private Instant loweredAt;

    protected RaisedHand() {
    }

    RaisedHand(Long sessionId, String pseudonym, Instant raisedAt) {
        this.sessionId = sessionId;
        this.pseudonym = pseudonym;
        this.raisedAt = raisedAt;
    }

    void lower(Instant at) {
        this.loweredAt = at;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public String getPseudonym() { return pseudonym; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getLoweredAt() { return loweredAt; }
}
