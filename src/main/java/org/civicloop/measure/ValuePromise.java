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

/** One commitment in a public value account, what the provider says it delivered, and the officer's verdict. */
@Entity
@Table(name = "value_promise")
public class ValuePromise {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "value_promise_seq")
    @SequenceGenerator(name = "value_promise_seq", sequenceName = "value_promise_seq", allocationSize = 50)
    private Long id;
    @Column(name = "account_id", nullable = false)
    private Long accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ValueDimension dimension;
    @Column(nullable = false)
    private String promise;
    @Column(nullable = false)
    private String delivered;
    @Enumerated(EnumType.STRING)
    private PromiseVerdict verdict;
    private String evidence;
    @Column(name = "marked_by")
    private String markedBy;
    @Column(name = "marked_at")
    private Instant markedAt;

    protected ValuePromise() {
    }

    ValuePromise(long accountId, ValueDimension dimension, String promise, String delivered) {
        this.accountId = accountId;
        this.dimension = dimension;
        this.promise = promise;
        this.delivered = delivered;
    }

    void mark(PromiseVerdict verdict, String evidence, String by, Instant at) {
        this.verdict = verdict;
        this.evidence = evidence;
        this.markedBy = by;
        this.markedAt = at;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public ValueDimension getDimension() { return dimension; }
    public String getPromise() { return promise; }
    public String getDelivered() { return delivered; }
    public PromiseVerdict getVerdict() { return verdict; }
    public String getEvidence() { return evidence; }
    public String getMarkedBy() { return markedBy; }
    public Instant getMarkedAt() { return markedAt; }
    public boolean isMarked() { return verdict != null; }
}
