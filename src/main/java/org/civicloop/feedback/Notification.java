package org.civicloop.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An in-app notice to one person: a report (version) of a cycle they took part in is published. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;
    @Column(name = "account_id", nullable = false)
    private Long accountId;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "version_no", nullable = false)
    private int versionNo;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(Long accountId, Long cycleId, int versionNo, Instant createdAt) {
        this.accountId = accountId;
        this.cycleId = cycleId;
        this.versionNo = versionNo;
        this.createdAt = createdAt;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public Long getCycleId() { return cycleId; }
    public int getVersionNo() { return versionNo; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
    public boolean isUnread() { return readAt == null; }
}
