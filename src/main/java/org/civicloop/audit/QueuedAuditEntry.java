package org.civicloop.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An audit entry committed with its action and waiting to be chained (see {@link AuditLog#noteQueued}). */
@Entity
@Table(name = "audit_queue")
class QueuedAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_queue_seq")
    @SequenceGenerator(name = "audit_queue_seq", sequenceName = "audit_queue_seq", allocationSize = 50)
    private Long id;
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
    @Column(name = "after_digest")
    private String afterDigest;
    private String detail;

    protected QueuedAuditEntry() {
    }

    QueuedAuditEntry(String recordedAt, String actor, String action, String entityType, String entityId,
                     String afterDigest, String detail) {
        this.afterDigest = afterDigest;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.detail = detail;
    }

    String recordedAt() { return recordedAt; }
    String actor() { return actor; }
    String action() { return action; }
    String entityType() { return entityType; }
    String entityId() { return entityId; }
    String afterDigest() { return afterDigest; }
    String detail() { return detail; }
}
