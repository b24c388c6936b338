package org.civicloop.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A reading of an outcome indicator on a date, never without the manager's explanation. Readings made before
 * indicators existed (an older database) have no indicator id and no number, only the indicator's name and text.
 */
@Entity
@Table(name = "indicator_reading")
public class IndicatorReading {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_reading_seq")
    @SequenceGenerator(name = "indicator_reading_seq", sequenceName = "indicator_reading_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "indicator_id")
    private Long indicatorId;
    @Column(nullable = false)
    private String indicator;
    private BigDecimal amount;
    @Column(name = "reading_value", nullable = false)
    private String readingValue;
    @Column(name = "measured_on", nullable = false)
    private LocalDate measuredOn;
    @Column(nullable = false)
    private String explanation;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected IndicatorReading() {
    }

    IndicatorReading(long cycleId, OutcomeIndicator of, BigDecimal amount, LocalDate measuredOn, String explanation,
                     Instant recordedAt, String recordedBy) {
        this.cycleId = cycleId;
        this.indicatorId = of.getId();
        this.indicator = of.getName().length() > 300 ? of.getName().substring(0, 300) : of.getName();
        this.amount = amount;
        String shown = amount.stripTrailingZeros().toPlainString() + " " + of.getUnit();
        this.readingValue = shown.length() > 100 ? shown.substring(0, 100) : shown;
        this.measuredOn = measuredOn;
        this.explanation = explanation;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getIndicatorId() { return indicatorId; }
    /** The indicator's name (as it was when the reading was recorded). */
    public String getIndicator() { return indicator; }
    public BigDecimal getAmount() { return amount; }
    /** The figure as shown: the number and the unit. */
    public String getReadingValue() { return readingValue; }
    public LocalDate getMeasuredOn() { return measuredOn; }
    public String getExplanation() { return explanation; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
