package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A proposal whose author asked, when proposing, to be e-mailed each notice about it (id = the proposal's id). */
@Entity
@Table(name = "proposal_mail_opt_in")
public class ProposalMailOptIn {

    @Id
    private Long id;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProposalMailOptIn() {
    }

    ProposalMailOptIn(long proposalId, Instant at) {
        this.id = proposalId;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Instant getCreatedAt() { return createdAt; }
}
