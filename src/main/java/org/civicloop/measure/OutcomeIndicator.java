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
import java.math.BigDecimal;
import java.time.Instant;

/** One indicator of an outcome objective, with how it could be gamed and the counter-indicator that would show it. */
@Entity
@Table(name = "outcome_indicator")
public class OutcomeIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outcome_indicator_seq")
    @SequenceGenerator(name = "outcome_indicator_seq", sequenceName = "outcome_indicator_seq", allocationSize = 50)
    private Long id;
    @Column(name = "objective_id", nullable = false)
    private Long objectiveId;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IndicatorKind kind;
    @Column(nullable = false)
    private String unit;
    @Column(nullable = false)
    private String source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Frequency frequency;
    @Column(name = "gaming_risk", nullable = false)
    private String gamingRisk;
    @Column(name = "counter_indicator", nullable = false)
    private String counterIndicator;
    @Column(name = "baseline_amount")
    private BigDecimal baseline;
    @Column(name = "target_amount")
    private BigDecimal target;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected OutcomeIndicator() {
    }

    OutcomeIndicator(long objectiveId, IndicatorDraft d, Instant at, String by) {
        this.objectiveId = objectiveId;
        this.name = d.name().strip();
        this.kind = d.kind();
        this.unit = d.unit().strip();
        this.source = d.source().strip();
        this.frequency = d.frequency();
        this.gamingRisk = d.gamingRisk().strip();
        this.counterIndicator = d.counterIndicator().strip();
        this.baseline = d.baseline();
        this.target = d.target();
        this.createdAt = at;
        this.createdBy = by;
    }

    public Long getId() { return id; }
    public Long getObjectiveId() { return objectiveId; }
    public String getName() { return name; }
    public IndicatorKind getKind() { return kind; }
    public String getUnit() { return unit; }
    public String getSource() { return source; }
    public Frequency getFrequency() { return frequency; }
    public String getGamingRisk() { return gamingRisk; }
    public String getCounterIndicator() { return counterIndicator; }
    public BigDecimal getBaseline() { return baseline; }
    public BigDecimal getTarget() { return target; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
