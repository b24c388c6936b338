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

/** Someone in the authorising environment: whose support the cycle needs, and why. */
@Entity
@Table(name = "stakeholder")
public class Stakeholder {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_part_seq")
    @SequenceGenerator(name = "mandate_part_seq", sequenceName = "mandate_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String name;
    private String interest;

    protected Stakeholder() {
    }

    Stakeholder(Long cycleId, String name, String interest) {
        this.cycleId = cycleId;
        this.name = name;
        this.interest = interest;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getName() { return name; }
    public String getInterest() { return interest; }
}
