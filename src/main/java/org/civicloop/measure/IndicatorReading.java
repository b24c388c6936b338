package org.civicloop.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reading of an outcome indicator, never without the manager's explanation. */
@Entity
@Table(name = "indicator_reading")
public class IndicatorReading {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_reading_seq")
    @SequenceGenerator(name = "indicator_reading_seq", sequenceName = "indicator_reading_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String indicator;
    @Column(name = "reading_value", nullable = false)
    private String readingValue;
    @Column(nullable = false)
    private String explanation;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected IndicatorReading() {
    }

    IndicatorReading(Long cycleId, String indicator, String readingValue, String explanation, Instant recordedAt,
                     String recordedBy) {
        this.cycleId = cycleId;
        this.indicator = indicator;
        this.readingValue = readingValue;
        this.explanation = explanation;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getIndicator() { return indicator; }
    public String getReadingValue() { return readingValue; }
    public String getExplanation() { return explanation; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
