package org.civicloop.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An interim milestone on the way to an objective's target: due on a date, done on a date. */
@Entity
@Table(name = "objective_milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "objective_milestone_seq")
    @SequenceGenerator(name = "objective_milestone_seq", sequenceName = "objective_milestone_seq", allocationSize = 50)
    private Long id;
    @Column(name = "objective_id", nullable = false)
    private Long objectiveId;
    @Column(nullable = false)
    private String title;
    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;
    @Column(name = "done_on")
    private LocalDate doneOn;

    protected Milestone() {
    }

    Milestone(long objectiveId, String title, LocalDate dueOn) {
        this.objectiveId = objectiveId;
        this.title = title;
        this.dueOn = dueOn;
    }

    void done(LocalDate on) {
        this.doneOn = on;
    }

    public Long getId() { return id; }
    public Long getObjectiveId() { return objectiveId; }
    public String getTitle() { return title; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getDoneOn() { return doneOn; }
    public boolean isDone() { return doneOn != null; }
}
