package org.civicloop.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A cycle's participation figures, frozen when its jury's personal data was deleted (the live figures need the
 * account links and imported rows that retention removes). One per cycle; the id is the cycle's.
 */
@Entity
@Table(name = "participation_frozen")
public class ParticipationFrozen {

    @Id
    private Long id;
    @Column(name = "frozen_at", nullable = false)
    private Instant frozenAt;
    @Column(nullable = false)
    private int participants;
    @Column(name = "repeat_share")
    private Double repeatShare;

    protected ParticipationFrozen() {
    }

    ParticipationFrozen(long cycleId, Instant frozenAt, int participants, Double repeatShare) {
        this.id = cycleId;
        this.frozenAt = frozenAt;
        this.participants = participants;
        this.repeatShare = repeatShare;
    }

    public Long getId() { return id; }
    public Instant getFrozenAt() { return frozenAt; }
    public int getParticipants() { return participants; }
    public Double getRepeatShare() { return repeatShare; }
}
