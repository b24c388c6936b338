package org.civicloop.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an {@link EvidenceAttachment}, written once; their SHA-256 is in the audited attachment row. */
@Entity
@Table(name = "evidence_attachment_content")
public class AttachmentContent {

    @Id
    @Column(name = "attachment_id", updatable = false)
    private Long attachmentId;
    @Column(nullable = false, updatable = false)
    private byte[] content;

    protected AttachmentContent() {
    }

    AttachmentContent(Long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content.clone();
    }

    public Long getAttachmentId() { return attachmentId; }
    byte[] bytes() { return content.clone(); }
}
