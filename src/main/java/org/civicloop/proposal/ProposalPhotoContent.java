package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The re-encoded bytes of a {@link ProposalPhoto} and its thumbnail; the photo's SHA-256 is in the audited row. */
@Entity
@Table(name = "proposal_photo_content")
public class ProposalPhotoContent {

    @Id
    @Column(name = "photo_id", updatable = false)
    private Long photoId;
    @Column(nullable = false)
    private byte[] image;
    @Column(nullable = false)
    private byte[] thumbnail;

    protected ProposalPhotoContent() {
    }

    ProposalPhotoContent(long photoId, PhotoImage.Encoded e) {
        this.photoId = photoId;
        replace(e);
    }

    void replace(PhotoImage.Encoded e) {
        this.image = e.image().clone();
        this.thumbnail = e.thumbnail().clone();
    }

    byte[] image() { return image.clone(); }
    byte[] thumbnail() { return thumbnail.clone(); }
}
