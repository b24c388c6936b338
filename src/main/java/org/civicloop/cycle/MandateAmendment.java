package org.civicloop.cycle;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A change to a published mandate: what changed, from what, to what, why, by whom and when. */
@Entity
@Table(name = "mandate_amendment")
public class MandateAmendment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_part_seq")
    @SequenceGenerator(name = "mandate_part_seq", sequenceName = "mandate_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String field;
    @Column(name = "old_value")
    private String oldValue;
    @Column(name = "new_value")
    private String newValue;
    @Column(nullable = false)
    private String reason;
    @Column(name = "amended_by", nullable = false)
    private String amendedBy;
    @Column(name = "amended_at", nullable = false)
    private Instant amendedAt;

    protected MandateAmendment() {
    }

    MandateAmendment(Long cycleId, String field, String oldValue, String newValue, String reason, String amendedBy,
                     Instant amendedAt) {
        this.cycleId = cycleId;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
        this.amendedBy = amendedBy;
        this.amendedAt = amendedAt;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getField() { return field; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
    public String getReason() { return reason; }
    public String getAmendedBy() { return amendedBy; }
    public Instant getAmendedAt() { return amendedAt; }
}
