package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in person's report that a proposal breaks the rules, for the moderators' queue. */
@Entity
@Table(name = "proposal_report")
public class ProposalReport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private String reporter;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    private String salt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProposalReport() {
    }

    ProposalReport(long proposalId, String reporter, String reason, Instant at) {
        this.proposalId = proposalId;
        this.reporter = reporter;
        this.reason = reason;
        this.salt = ProposalService.salt();
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public String getReason() { return reason; }
    public Instant getCreatedAt() { return createdAt; }
}
