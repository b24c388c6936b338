package org.civicloop.jury;

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

/** A resident in a cycle's volunteer pool; SELECTED once drawn for the jury. */
@Entity
@Table(name = "volunteer")
public class Volunteer {

    public enum Status { POOL, SELECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "volunteer_seq")
    @SequenceGenerator(name = "volunteer_seq", sequenceName = "volunteer_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "account_id", nullable = false)
    private Long accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private boolean consent;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Volunteer() {
    }

    Volunteer(Long cycleId, Long accountId, boolean consent, Instant createdAt) {
        this.cycleId = cycleId;
        this.accountId = accountId;
        this.consent = consent;
        this.status = Status.POOL;
        this.createdAt = createdAt;
    }

    void select() {
        this.status = Status.SELECTED;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getAccountId() { return accountId; }
    public Status getStatus() { return status; }
    public boolean isConsent() { return consent; }
    public Instant getCreatedAt() { return createdAt; }
}
