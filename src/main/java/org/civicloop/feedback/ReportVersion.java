package org.civicloop.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One published version of a cycle's "you said, we did" report: a snapshot of every section as it was published,
 * and its SHA-256 (also written to the audit chain). Nothing here ever changes; a correction is a new version with
 * a change note.
 */
@Entity
@Table(name = "report_version")
public class ReportVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_version_seq")
    @SequenceGenerator(name = "report_version_seq", sequenceName = "report_version_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;
    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;
    @Column(name = "change_note", updatable = false)
    private String changeNote;
    @Column(nullable = false, updatable = false)
    private String snapshot;
    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;
    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;
    @Column(name = "published_by", nullable = false, updatable = false)
    private String publishedBy;

    protected ReportVersion() {
    }

    ReportVersion(Long cycleId, int versionNo, String changeNote, String snapshot, String contentHash,
                  Instant publishedAt, String publishedBy) {
        this.cycleId = cycleId;
        this.versionNo = versionNo;
        this.changeNote = changeNote;
        this.snapshot = snapshot;
        this.contentHash = contentHash;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public int getVersionNo() { return versionNo; }
    public String getChangeNote() { return changeNote; }
    public String getSnapshot() { return snapshot; }
    public String getContentHash() { return contentHash; }
    public Instant getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
}
