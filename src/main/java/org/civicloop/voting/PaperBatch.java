package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A bundle of paper ballots collected in one place on one day. It is keyed twice by different people (or imported
 * from a scanning service) and counts only once accepted: then its sheets become ballots of the residents' box.
 */
@Entity
@Table(name = "paper_batch")
public class PaperBatch {

    public enum Method { DOUBLE_ENTRY, SCAN }

    public enum Status { KEYING, ACCEPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "paper_batch_seq")
    @SequenceGenerator(name = "paper_batch_seq", sequenceName = "paper_batch_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String label;
    @Column(name = "collected_where", nullable = false)
    private String collectedWhere;
    @Column(name = "collected_on", nullable = false)
    private LocalDate collectedOn;
    private int sheets;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Method method;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    /** The district budget the batch's sheets are for; null: the city-wide budget. */
    @Column(name = "budget_id")
    private Long budgetId;
    @Column(name = "opened_by", nullable = false)
    private String openedBy;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "accepted_by")
    private String acceptedBy;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    private Integer counted;
    private Integer spoilt;
    @Version
    private long version;

    protected PaperBatch() {
    }

    PaperBatch(Long cycleId, Long budgetId, String label, String collectedWhere, LocalDate collectedOn, int sheets,
               Method method, String openedBy, Instant openedAt) {
        this.budgetId = budgetId;
        this.cycleId = cycleId;
        this.label = label;
        this.collectedWhere = collectedWhere;
        this.collectedOn = collectedOn;
        this.sheets = sheets;
        this.method = method;
        this.status = Status.KEYING;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void accept(String by, Instant at, int counted, int spoilt) {
        this.status = Status.ACCEPTED;
        this.acceptedBy = by;
        this.acceptedAt = at;
        this.counted = counted;
        this.spoilt = spoilt;
    }

    public boolean isAccepted() { return status == Status.ACCEPTED; }
    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getBudgetId() { return budgetId; }
    public String getLabel() { return label; }
    public String getCollectedWhere() { return collectedWhere; }
    public LocalDate getCollectedOn() { return collectedOn; }
    public int getSheets() { return sheets; }
    public Method getMethod() { return method; }
    public Status getStatus() { return status; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public String getAcceptedBy() { return acceptedBy; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Integer getCounted() { return counted; }
    public Integer getSpoilt() { return spoilt; }
}
