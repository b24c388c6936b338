package org.civicloop.cycle;

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

/** One step of a cycle's timeline: when it moved from one phase to the next, and who moved it. */
@Entity
@Table(name = "phase_transition")
public class PhaseTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "phase_transition_seq")
    @SequenceGenerator(name = "phase_transition_seq", sequenceName = "phase_transition_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_phase")
    private Phase fromPhase;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase", nullable = false)
    private Phase toPhase;
    @Column(name = "moved_at", nullable = false)
    private Instant movedAt;
    @Column(nullable = false)
    private String actor;
    private String note;

    protected PhaseTransition() {
    }

    PhaseTransition(Long cycleId, Phase fromPhase, Phase toPhase, Instant movedAt, String actor, String note) {
        this.cycleId = cycleId;
        this.fromPhase = fromPhase;
        this.toPhase = toPhase;
        this.movedAt = movedAt;
        this.actor = actor;
        this.note = note;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Phase getFromPhase() { return fromPhase; }
    public Phase getToPhase() { return toPhase; }
    public Instant getMovedAt() { return movedAt; }
    public String getActor() { return actor; }
    public String getNote() { return note; }
}
