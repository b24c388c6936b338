package org.civicloop.deliberation;

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

/** What one table produced in a small-group round: key points, agreements, disagreements. */
@Entity
@Table(name = "table_output")
public class TableOutput {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "round_id", nullable = false)
    private Long roundId;
    @Column(name = "table_no", nullable = false)
    private int tableNo;
    @Column(name = "key_points", nullable = false)
    private String keyPoints;
    private String agreements;
    private String disagreements;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected TableOutput() {
    }

    TableOutput(Long roundId, int tableNo) {
        this.roundId = roundId;
        this.tableNo = tableNo;
    }

    void record(String keyPoints, String agreements, String disagreements, Instant at, String by) {
        this.keyPoints = keyPoints;
        this.agreements = agreements;
        this.disagreements = disagreements;
        this.recordedAt = at;
        this.recordedBy = by;
    }

    public Long getId() { return id; }
    public Long getRoundId() { return roundId; }
    public int getTableNo() { return tableNo; }
    public String getKeyPoints() { return keyPoints; }
    public String getAgreements() { return agreements; }
    public String getDisagreements() { return disagreements; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
