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
     * The actor as shown to the public: staff are named, residents are not (who volunteered or voted is personal
     * data; officers and auditors see the full entry).
     */
    public String getPublicActor() {
        return action.startsWith("voting.") && !action.equals("voting.optionDefined")
                || action.startsWith("jury.volunteered") || action.startsWith("account.")
                || action.equals("evidence.read") || action.equals("evidence.question.asked") ? "(resident)" : actor;
    }

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
