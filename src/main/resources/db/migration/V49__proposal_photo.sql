-- A photo on a resident's proposal (issue 22: "photo or map point optional"). One photo a proposal, kept by the
-- proposal capability. The bytes stored are the photo as re-encoded by the application (javax.imageio: no EXIF, GPS
-- or other metadata), never the uploaded file. The audited row holds what the photo is (kind, size, SHA-256 of the
-- bytes, the proposer's description for people who cannot see it) and its moderation; the bytes and the thumbnail
-- live apart, covered by the SHA-256 (as evidence attachments are).
CREATE TABLE proposal_photo (
    id             BIGINT PRIMARY KEY REFERENCES proposal (id),
    media_type     VARCHAR(20)   NOT NULL,
    width          INTEGER       NOT NULL,
    height         INTEGER       NOT NULL,
    thumb_width    INTEGER       NOT NULL,
    thumb_height   INTEGER       NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    alt_text       VARCHAR(250)  NOT NULL,
    hidden         BOOLEAN       NOT NULL,
    hidden_reason  VARCHAR(500),
    hidden_by      VARCHAR(80),
    hidden_at      TIMESTAMP,
    created_at     TIMESTAMP     NOT NULL
);
CREATE TABLE proposal_photo_content (
    photo_id   BIGINT PRIMARY KEY REFERENCES proposal_photo (id),
    image      BYTEA         NOT NULL,
    thumbnail  BYTEA         NOT NULL
);
