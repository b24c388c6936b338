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

/** A line of a cycle's co-production ledger: hours and/or a money value (whole units of the cycle's currency). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LedgerKind kind;
    @Column(nullable = false)
    private String description;
    private BigDecimal hours;
    @Column(nullable = false)
    private long amount;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected LedgerEntry() {
    }

    LedgerEntry(long cycleId, LedgerKind kind, String description, BigDecimal hours, long amount, Instant at,
                String by) {
        this.cycleId = cycleId;
        this.kind = kind;
        this.description = description;
        this.hours = hours;
        this.amount = amount;
        this.recordedAt = at;
        this.recordedBy = by;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public LedgerKind getKind() { return kind; }
    public boolean isContribution() { return kind.isContribution(); }
    public String getDescription() { return description; }
    public BigDecimal getHours() { return hours; }
    public long getAmount() { return amount; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
