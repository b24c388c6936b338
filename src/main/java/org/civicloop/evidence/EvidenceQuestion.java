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
 * A juror's or resident's question to the witness behind an evidence item. It waits for moderation (QUEUED), is
 * accepted for an answer (ACCEPTED), merged into an earlier question that asks the same (MERGED), rejected with
 * a reason its author sees (REJECTED), or answered (ANSWERED; then it is part of the pack).
 */
@Entity
@Table(name = "evidence_question")
public class EvidenceQuestion {

    public enum Status { QUEUED, ACCEPTED, MERGED, REJECTED, ANSWERED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_question_seq")
    @SequenceGenerator(name = "evidence_question_seq", sequenceName = "evidence_question_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "item_id", nullable = false)
    private Long itemId;
    @Column(name = "asked_by", nullable = false)
    private String askedBy;
    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;
    @Column(nullable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "merged_into")
    private Long mergedInto;
    @Column(name = "reject_reason")
    private String rejectReason;
    @Column(name = "moderated_by")
    private String moderatedBy;
    @Column(name = "moderated_at")
    private Instant moderatedAt;
    private String answer;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answer_recorded_by")
    private String answerRecordedBy;
    @Column(name = "answered_at")
    private Instant answeredAt;

    protected EvidenceQuestion() {
    }

    EvidenceQuestion(Long cycleId, Long itemId, String askedBy, String body, Instant at) {
        this.cycleId = cycleId;
        this.itemId = itemId;
        this.askedBy = askedBy;
        this.body = body;
        this.askedAt = at;
        this.status = Status.QUEUED;
    }

    void accept(String by, Instant at) {
        moderated(Status.ACCEPTED, by, at);
    }

    void mergeInto(Long target, String by, Instant at) {
        this.mergedInto = target;
        moderated(Status.MERGED, by, at);
    }

    void reject(String reason, String by, Instant at) {
        this.rejectReason = reason;
        moderated(Status.REJECTED, by, at);
    }

    void answer(String text, String witness, String recordedBy, Instant at) {
        if (moderatedBy == null) {
            this.moderatedBy = recordedBy;
            this.moderatedAt = at;
        }
        this.status = Status.ANSWERED;
        this.answer = text;
        this.answeredBy = witness;
        this.answerRecordedBy = recordedBy;
        this.answeredAt = at;
    }

    private void moderated(Status s, String by, Instant at) {
        this.status = s;
        this.moderatedBy = by;
        this.moderatedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getItemId() { return itemId; }
    public String getAskedBy() { return askedBy; }
    public Instant getAskedAt() { return askedAt; }
    public String getBody() { return body; }
    public Status getStatus() { return status; }
    public Long getMergedInto() { return mergedInto; }
    public String getRejectReason() { return rejectReason; }
    public String getModeratedBy() { return moderatedBy; }
    public Instant getModeratedAt() { return moderatedAt; }
    public String getAnswer() { return answer; }
    public String getAnsweredBy() { return answeredBy; }
    public String getAnswerRecordedBy() { return answerRecordedBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public boolean isOpen() { return status == Status.QUEUED || status == Status.ACCEPTED; }
}
