package org.civicloop.cycle;

import java.time.LocalDate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** When a phase is planned to start: the public timeline shows it until the phase really starts. */
@Entity
@Table(name = "phase_plan")
public class PhasePlan {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_part_seq")
    @SequenceGenerator(name = "mandate_part_seq", sequenceName = "mandate_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase;
    @Column(name = "planned_start", nullable = false)
    private LocalDate plannedStart;

    protected PhasePlan() {
    }

    PhasePlan(Long cycleId, Phase phase, LocalDate plannedStart) {
        this.cycleId = cycleId;
        this.phase = phase;
        this.plannedStart = plannedStart;
    }

    void reschedule(LocalDate date) {
        this.plannedStart = date;
    }

    public Long getId() { return id; }
    public Phase getPhase() { return phase; }
    public LocalDate getPlannedStart() { return plannedStart; }
}
