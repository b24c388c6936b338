package org.civicloop.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A provider's annual public value account for a funded option: its social, economic and environmental promises
 * and what it says it delivered (the promises are {@link ValuePromise}s, each marked by an officer with evidence).
 */
@Entity
@Table(name = "value_account")
public class ValueAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "value_account_seq")
    @SequenceGenerator(name = "value_account_seq", sequenceName = "value_account_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "objective_id", nullable = false)
    private Long objectiveId;
    @Column(nullable = false)
    private String provider;
    @Column(name = "account_year", nullable = false)
    private int accountYear;
    @Column(nullable = false)
    private String summary;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    protected ValueAccount() {
    }

    ValueAccount(long cycleId, long objectiveId, String provider, int year, String summary, Instant at, String by) {
        this.cycleId = cycleId;
        this.objectiveId = objectiveId;
        this.provider = provider;
        this.accountYear = year;
        this.summary = summary;
        this.submittedAt = at;
        this.submittedBy = by;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getObjectiveId() { return objectiveId; }
    public String getProvider() { return provider; }
    public int getAccountYear() { return accountYear; }
    public String getSummary() { return summary; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getSubmittedBy() { return submittedBy; }
}
