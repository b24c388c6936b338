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

/** A person taking part in a cycle's deliberation under a random pseudonym (their inputs carry only that). */
@Entity
@Table(name = "deliberation_participant")
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "account_id", nullable = false)
    private Long accountId;
    @Column(nullable = false)
    private String pseudonym;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Participant() {
    }

    Participant(Long cycleId, Long accountId, String pseudonym, Instant createdAt) {
        this.cycleId = cycleId;
        this.accountId = accountId;
        this.pseudonym = pseudonym;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getAccountId() { return accountId; }
    public String getPseudonym() { return pseudonym; }
}
