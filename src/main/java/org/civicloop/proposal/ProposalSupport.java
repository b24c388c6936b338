package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One account's support of one proposal; withdrawn supports are kept with the time they were withdrawn. */
@Entity
@Table(name = "proposal_support")
public class ProposalSupport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private String account;
    @Column(nullable = false)
    private String salt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected ProposalSupport() {
    }

    ProposalSupport(long proposalId, String account, Instant at) {
        this.proposalId = proposalId;
        this.account = account;
        this.salt = ProposalService.salt();
        this.createdAt = at;
    }

    void withdraw(Instant at) {
        this.withdrawnAt = at;
    }

    void renew(Instant at) {
        this.createdAt = at;
        this.withdrawnAt = null;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public String getAccount() { return account; }
    public boolean isActive() { return withdrawnAt == null; }
}
