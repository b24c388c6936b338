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

/** How we will know the cycle succeeded. */
@Entity
@Table(name = "success_criterion")
public class SuccessCriterion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_part_seq")
    @SequenceGenerator(name = "mandate_part_seq", sequenceName = "mandate_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CriterionKind kind;
    @Column(nullable = false)
    private String description;

    protected SuccessCriterion() {
    }

    SuccessCriterion(Long cycleId, CriterionKind kind, String description) {
        this.cycleId = cycleId;
        this.kind = kind;
        this.description = description;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public CriterionKind getKind() { return kind; }
    public String getDescription() { return description; }
}
