package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in person's report that a comment on a proposal breaks the rules, for the moderators' queue. */
@Entity
@Table(name = "proposal_comment_report")
public class ProposalCommentReport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "comment_id", nullable = false)
    private Long commentId;
    @Column(nullable = false)
    private String reporter;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    private String salt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProposalCommentReport() {
    }

    ProposalCommentReport(long commentId, String reporter, String reason, Instant at) {
        this.commentId = commentId;
        this.reporter = reporter;
        this.reason = reason;
        this.salt = ProposalService.salt();
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getCommentId() { return commentId; }
    public String getReason() { return reason; }
    public Instant getCreatedAt() { return createdAt; }
}
