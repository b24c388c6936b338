package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The photo on a proposal (its id is the proposal's): what it is, the proposer's description of it for people who
 * cannot see it, and its moderation. An officer may hide it with a public reason; it is never deleted by moderation.
 * The re-encoded bytes are a {@link ProposalPhotoContent}, covered by {@link #getSha256()}.
 */
@Entity
@Table(name = "proposal_photo")
public class ProposalPhoto {

    @Id
    private Long id;
    @Column(name = "media_type", nullable = false)
    private String mediaType;
    @Column(nullable = false)
    private int width;
    @Column(nullable = false)
    private int height;
    @Column(name = "thumb_width", nullable = false)
    private int thumbWidth;
    @Column(name = "thumb_height", nullable = false)
    private int thumbHeight;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "alt_text", nullable = false)
    private String altText;
    @Column(nullable = false)
    private boolean hidden;
    @Column(name = "hidden_reason")
    private String hiddenReason;
    @Column(name = "hidden_by")
    private String hiddenBy;
    @Column(name = "hidden_at")
    private Instant hiddenAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProposalPhoto() {
    }

    ProposalPhoto(long proposalId, PhotoImage.Encoded e, String altText, Instant at) {
        this.id = proposalId;
        replace(e, altText, at);
    }

    void replace(PhotoImage.Encoded e, String altText, Instant at) {
        this.mediaType = e.kind().mediaType();
        this.width = e.width();
        this.height = e.height();
        this.thumbWidth = e.thumbWidth();
        this.thumbHeight = e.thumbHeight();
        this.sizeBytes = e.image().length;
        this.sha256 = e.sha256();
        this.altText = altText;
        this.createdAt = at;
    }

    void hide(String reason, String by, Instant at) {
        this.hidden = true;
        this.hiddenReason = reason;
        this.hiddenBy = by;
        this.hiddenAt = at;
    }

    /** The proposal's id. */
    public Long getId() { return id; }
    public String getMediaType() { return mediaType; }
    public int getWidth() { return width; }
    public int getHeight() { return height; }
    public int getThumbWidth() { return thumbWidth; }
    public int getThumbHeight() { return thumbHeight; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    /** The proposer's description of the photo (its alternative text). */
    public String getAltText() { return altText; }
    public boolean isHidden() { return hidden; }
    public String getHiddenReason() { return hiddenReason; }
    public Instant getHiddenAt() { return hiddenAt; }
    public Instant getCreatedAt() { return createdAt; }
}
