package org.civicloop.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A validated file (PDF, PNG or JPEG) kept in the database: this audited row holds its name, sniffed media type
 * (never the uploader's), size and SHA-256; the bytes are in {@link AttachmentContent}. The stored name is reduced
 * to safe characters.
 */
@Entity
@Table(name = "evidence_attachment")
public class EvidenceAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_attachment_seq")
    @SequenceGenerator(name = "evidence_attachment_seq", sequenceName = "evidence_attachment_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;
    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;
    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;
    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected EvidenceAttachment() {
    }

    EvidenceAttachment(Long cycleId, String fileName, AttachmentCheck.MediaKind kind, byte[] content, String sha256,
                       Instant at, String by) {
        this.cycleId = cycleId;
        this.fileName = fileName;
        this.mediaType = kind.mediaType();
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.createdAt = at;
        this.createdBy = by;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
