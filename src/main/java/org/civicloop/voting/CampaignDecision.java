package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An officer's decision on one residents' ballot flagged as a possible campaign: counted, or excluded from the count,
 * with the public reason. The ballot itself is never changed: it stays in the ballot box (and its Merkle tree), and
 * the published exports name it as excluded so that anyone's recount leaves it out as the council's count did.
 */
@Entity
@Table(name = "campaign_decision")
public class CampaignDecision {

    @Id
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false, unique = true)
    private String receipt;
    @Column(nullable = false)
    private boolean excluded;
    @Column(nullable = false)
    private String reason;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CampaignDecision() {
    }

    CampaignDecision(long cycleId, String receipt, boolean excluded, String reason, Instant at) {
        this.id = VotingService.randomId();
        this.cycleId = cycleId;
        this.receipt = receipt;
        decide(excluded, reason, at);
    }

    void decide(boolean excluded, String reason, Instant at) {
        this.excluded = excluded;
        this.reason = reason;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getReceipt() { return receipt; }
    public boolean isExcluded() { return excluded; }
    public String getReason() { return reason; }
    public Instant getDecidedAt() { return decidedAt; }
}
