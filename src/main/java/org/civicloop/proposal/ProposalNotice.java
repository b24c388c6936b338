package org.civicloop.proposal;

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

/** A notice to a proposal's author: what happened to their proposal (in the app; by e-mail if they asked). */
@Entity
@Table(name = "proposal_notice")
public class ProposalNotice {

    public enum Kind {
        MERGED, MERGED_IN, FEASIBLE, UNFEASIBLE, SELECTED, HIDDEN,
        /** After the vote: the option made from the proposal is funded by the count, or not. */
        VOTE_FUNDED, VOTE_NOT_FUNDED,
        /** The council's published answer: it takes the option up (adopted or modified), or not. */
        DECISION_TAKEN, DECISION_NOT_TAKEN,
        /** The council reported how delivery is going. */
        DELIVERY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private String recipient;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProposalNotice() {
    }

    ProposalNotice(long proposalId, String recipient, Kind kind, Instant at) {
        this.proposalId = proposalId;
        this.recipient = recipient;
        this.kind = kind;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public Kind getKind() { return kind; }
    public Instant getCreatedAt() { return createdAt; }
}
