package org.civicloop.measure;

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
import java.time.LocalDate;
import org.civicloop.cycle.ValueCell;

/**
 * What a funded option should change, in residents' words, with its public value cell, who owns it, where it starts
 * (baseline), where it should get to (target) and when that is reviewed; also how delivery is going (progress).
 */
@Entity
@Table(name = "outcome_objective")
public class OutcomeObjective {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outcome_objective_seq")
    @SequenceGenerator(name = "outcome_objective_seq", sequenceName = "outcome_objective_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "option_id", nullable = false)
    private Long optionId;
    @Column(nullable = false)
    private String outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "value_cell", nullable = false)
    private ValueCell valueCell;
    @Column(name = "owner_name", nullable = false)
    private String owner;
    private String partners;
    @Column(nullable = false)
    private String baseline;
    @Column(nullable = false)
    private String target;
    @Column(name = "review_date", nullable = false)
    private LocalDate reviewDate;
    @Column(name = "set_published_at")
    private Instant setPublishedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "progress_status", nullable = false)
    private ProgressStatus status;
    @Column(name = "percent_complete", nullable = false)
    private int percentComplete;
    @Column(nullable = false)
    private long spend;
    @Column(name = "progress_note")
    private String progressNote;
    @Column(name = "progress_at")
    private Instant progressAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected OutcomeObjective() {
    }

    OutcomeObjective(long cycleId, long optionId, ObjectiveDraft d, Instant at, String by) {
        this.cycleId = cycleId;
        this.optionId = optionId;
        this.status = ProgressStatus.NOT_STARTED;
        this.createdAt = at;
        this.createdBy = by;
        apply(d);
    }

    void apply(ObjectiveDraft d) {
        this.outcome = d.outcome().strip();
        this.valueCell = d.valueCell();
        this.owner = d.owner().strip();
        this.partners = d.partners() == null || d.partners().isBlank() ? null : d.partners().strip();
        this.baseline = d.baseline().strip();
        this.target = d.target().strip();
        this.reviewDate = d.reviewDate();
    }

    void publishSet(Instant at) {
        this.setPublishedAt = at;
    }

    void progress(ProgressStatus status, int percent, long spend, String note, Instant at) {
        this.status = status;
        this.percentComplete = percent;
        this.spend = spend;
        this.progressNote = note;
        this.progressAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getOptionId() { return optionId; }
    public String getOutcome() { return outcome; }
    public ValueCell getValueCell() { return valueCell; }
    public String getOwner() { return owner; }
    public String getPartners() { return partners; }
    public String getBaseline() { return baseline; }
    public String getTarget() { return target; }
    public LocalDate getReviewDate() { return reviewDate; }
    public Instant getSetPublishedAt() { return setPublishedAt; }
    public boolean isSetPublished() { return setPublishedAt != null; }
    public ProgressStatus getStatus() { return status; }
    public int getPercentComplete() { return percentComplete; }
    public long getSpend() { return spend; }
    public String getProgressNote() { return progressNote; }
    public Instant getProgressAt() { return progressAt; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
