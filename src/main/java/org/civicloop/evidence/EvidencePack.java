package org.civicloop.evidence;

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

/**
 * One version of a cycle's evidence pack: the item versions it holds (its {@link PackEntry}s) as submitted for
 * balance review, with the SHA-256 of its manifest. A second officer publishes it or rejects it with reasons; a
 * published pack never changes, a later one replaces it for readers.
 */
@Entity
@Table(name = "evidence_pack")
public class EvidencePack {

    public enum Status { IN_REVIEW, REJECTED, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_pack_seq")
    @SequenceGenerator(name = "evidence_pack_seq", sequenceName = "evidence_pack_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "pack_no", nullable = false)
    private int packNo;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "content_hash", nullable = false)
    private String contentHash;
    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(name = "submit_note")
    private String submitNote;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_reason")
    private String reviewReason;

    protected EvidencePack() {
    }

    EvidencePack(Long cycleId, int packNo, String contentHash, String submittedBy, Instant at, String note) {
        this.cycleId = cycleId;
        this.packNo = packNo;
        this.status = Status.IN_REVIEW;
        this.contentHash = contentHash;
        this.submittedBy = submittedBy;
        this.submittedAt = at;
        this.submitNote = note;
    }

    void publish(String by, Instant at, String note) {
        this.status = Status.PUBLISHED;
        this.reviewedBy = by;
        this.reviewedAt = at;
        this.reviewReason = note;
    }

    void reject(String by, Instant at, String reason) {
        this.status = Status.REJECTED;
        this.reviewedBy = by;
        this.reviewedAt = at;
        this.reviewReason = reason;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public int getPackNo() { return packNo; }
    public Status getStatus() { return status; }
    public String getContentHash() { return contentHash; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getSubmitNote() { return submitNote; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getReviewReason() { return reviewReason; }
    public boolean isPublished() { return status == Status.PUBLISHED; }
    public boolean isInReview() { return status == Status.IN_REVIEW; }
    public boolean isRejected() { return status == Status.REJECTED; }
}
