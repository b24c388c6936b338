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

/** A statement jurors (and residents) rate on a five-point agree scale before and after deliberation. */
@Entity
@Table(name = "opinion_statement")
public class OpinionStatement {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private int seq;
    @Column(nullable = false)
    private String wording;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected OpinionStatement() {
    }

    OpinionStatement(Long cycleId, int seq, String wording, Instant createdAt, String createdBy) {
        this.cycleId = cycleId;
        this.seq = seq;
        this.wording = wording;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The key answers to this statement are stored under. */
    public String itemKey() {
        return "S" + id;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public int getSeq() { return seq; }
    public String getWording() { return wording; }
    public Instant getCreatedAt() { return createdAt; }
}
