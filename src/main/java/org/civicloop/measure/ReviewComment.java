package org.civicloop.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A review panel member's comment on an indicator's readings in a quarter (e.g. "2026-Q3"), published beside them. */
@Entity
@Table(name = "review_comment")
public class ReviewComment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_comment_seq")
    @SequenceGenerator(name = "review_comment_seq", sequenceName = "review_comment_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "indicator_id", nullable = false)
    private Long indicatorId;
    @Column(name = "review_quarter", nullable = false)
    private String quarter;
    @Column(name = "comment_text", nullable = false)
    private String comment;
    @Column(name = "account_id", nullable = false)
    private Long accountId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ReviewComment() {
    }

    ReviewComment(long cycleId, long indicatorId, String quarter, String comment, long accountId, Instant at) {
        this.cycleId = cycleId;
        this.indicatorId = indicatorId;
        this.quarter = quarter;
        this.comment = comment;
        this.accountId = accountId;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getIndicatorId() { return indicatorId; }
    public String getQuarter() { return quarter; }
    public String getComment() { return comment; }
    public Long getAccountId() { return accountId; }
    public Instant getCreatedAt() { return createdAt; }
}
