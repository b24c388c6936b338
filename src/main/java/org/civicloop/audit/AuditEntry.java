package org.civicloop.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One link of the hash chain. Written once, never updated or deleted by the application. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long seq;
    @Column(name = "recorded_at", nullable = false)
    private String recordedAt;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private String action;
    @Column(name = "entity_type", nullable = false)
    private String entityType;
    @Column(name = "entity_id", nullable = false)
    private String entityId;
    @Column(name = "before_digest")
    private String beforeDigest;
    @Column(name = "after_digest")
    private String afterDigest;
    private String detail;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(nullable = false)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long seq, String recordedAt, String actor, String action, String entityType, String entityId,
               String beforeDigest, String afterDigest, String detail, String prevHash, String hash) {
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.beforeDigest = beforeDigest;
        this.afterDigest = afterDigest;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    /**
     * The actor as shown on the public page. From {@code pseudonymsFrom} on, the chained actor itself (residents are
     * chained as keyed pseudonyms, staff by name); before, residents' own actions show as (resident), as they
     * always did.
     */
    public String publicActor(long pseudonymsFrom) {
        return isWithheld(pseudonymsFrom) ? "(resident)" : actor;
    }

    /**
     * Whether this entry is published with its content withheld: an entry written before residents were chained as
     * pseudonyms whose actor is (or may be) a resident. Its chained actor is a user name, so publishing its fields
     * with its hash would let anyone recover the name by hashing candidates.
     */
    public boolean isWithheld(long pseudonymsFrom) {
        if (seq >= pseudonymsFrom) {
            return false;
        }
        return action.startsWith("voting.") && !action.equals("voting.optionDefined")
                || action.startsWith("jury.volunteered") || action.startsWith("account.")
                || action.equals("evidence.read") || action.equals("evidence.question.asked")
                || LEGACY_RESIDENT.contains(action);
    }

    /** Actions of residents that older versions published with the user name. */
    private static final java.util.Set<String> LEGACY_RESIDENT = java.util.Set.of("jury.answered",
            "jury.addressGiven", "measure.trustAnswered", "feedback.optedIn", "feedback.optedOut",
            "feedback.notificationRead", "deliberation.discussionPosted", "measure.reviewCommented");

    public long getSeq() { return seq; }
    public String getRecordedAt() { return recordedAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public String getBeforeDigest() { return beforeDigest; }
    public String getAfterDigest() { return afterDigest; }
    public String getDetail() { return detail; }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }
}
