package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A resident's comment on a proposal. Never deleted: a moderator hides it with a public reason, which is shown in its
 * place; its text is then no longer published.
 */
@Entity
@Table(name = "proposal_comment")
public class ProposalComment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private String author;
    @Column(nullable = false)
    private String body;
    @Column(nullable = false)
    private String salt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    private boolean hidden;
    @Column(name = "hidden_reason")
    private String hiddenReason;
    @Column(name = "hidden_by")
    private String hiddenBy;
    @Column(name = "hidden_at")
    private Instant hiddenAt;

    protected ProposalComment() {
    }

    ProposalComment(long proposalId, String author, String body, Instant at) {
        this.proposalId = proposalId;
        this.author = author;
        this.body = body;
        this.salt = ProposalService.salt();
        this.createdAt = at;
    }

    void hide(String reason, String by, Instant at) {
        this.hidden = true;
        this.hiddenReason = reason;
        this.hiddenBy = by;
        this.hiddenAt = at;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    /** Who wrote it: never published (pages show "a resident"). */
    String getAuthor() { return author; }
    /** The text, or null once a moderator hid it (the reason is shown instead). */
    public String getBody() { return hidden ? null : body; }
    /** The text as written, for the moderators' desk. */
    public String bodyAsWritten() { return body; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isHidden() { return hidden; }
    public String getHiddenReason() { return hiddenReason; }
    public Instant getHiddenAt() { return hiddenAt; }
}
