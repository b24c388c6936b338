package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What lists and searches read about a proposal, kept in the same transaction as each change: its supports (merged
 * duplicates' supporters carried over, each account once) and its words in search form. Derived, not audited: it can
 * be recomputed from the audited rows at any time.
 */
@Entity
@Table(name = "proposal_stats")
public class ProposalStats {

    /** The proposal's id. */
    @Id
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String district;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    private int supports;
    private String words;

    protected ProposalStats() {
    }

    ProposalStats(Proposal p) {
        this.id = p.getId();
        this.cycleId = p.getCycleId();
        this.district = p.getDistrict();
        this.createdAt = p.getCreatedAt();
        this.supports = 0;
        this.words = p.isHidden() ? " " : ProposalSearch.words(p.titleAsWritten(), p.descriptionAsWritten());
    }

    void setSupports(int supports) { this.supports = supports; }
    void setWords(String words) { this.words = words; }

    public Long getId() { return id; }
    public int getSupports() { return supports; }
    String getWords() { return words; }
}
