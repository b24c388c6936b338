-- Evidence packs: every edit of an item is a new immutable version carrying the SHA-256 of its content; a pack
-- version is a snapshot of item versions that a second officer signs off for balance (or rejects with reasons)
-- before it is published; attachments are validated and kept in the database; questions to witnesses are
-- moderated and answered; jurors' reading is counted.

-- The item keeps its identity and mirrors its latest draft (title, summary, perspective, source).
ALTER TABLE evidence_item ADD COLUMN kind VARCHAR(30) DEFAULT 'BRIEFING' NOT NULL;
ALTER TABLE evidence_item ADD COLUMN latest_version INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE evidence_item ADD COLUMN withdrawn BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE evidence_item ADD COLUMN updated_at TIMESTAMP;

CREATE SEQUENCE evidence_attachment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE evidence_attachment (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    file_name       VARCHAR(200)  NOT NULL,
    media_type      VARCHAR(40)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    created_by      VARCHAR(80)   NOT NULL
);
CREATE INDEX evidence_attachment_cycle_ix ON evidence_attachment (cycle_id);
-- The bytes live apart from the audited metadata row: the audit chain covers them through the SHA-256 above
-- (checked again every time the file is served), not through a text rendering of a binary column.
CREATE TABLE evidence_attachment_content (
    attachment_id   BIGINT PRIMARY KEY REFERENCES evidence_attachment (id),
    content         BYTEA         NOT NULL
);

CREATE SEQUENCE evidence_version_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE evidence_item_version (
    id                  BIGINT PRIMARY KEY,
    item_id             BIGINT        NOT NULL REFERENCES evidence_item (id),
    cycle_id            BIGINT        NOT NULL REFERENCES cycle (id),
    version_no          INTEGER       NOT NULL,
    kind                VARCHAR(30)   NOT NULL,
    perspective         VARCHAR(20)   NOT NULL,
    title               VARCHAR(300)  NOT NULL,
    summary             VARCHAR(8000) NOT NULL,
    source              VARCHAR(500)  NOT NULL,
    author_name         VARCHAR(200)  NOT NULL,
    item_date           DATE          NOT NULL,
    option_codes        VARCHAR(1000),
    value_cells         VARCHAR(200),
    sv_economic         INTEGER,
    sv_economic_why     VARCHAR(1000),
    sv_social           INTEGER,
    sv_social_why       VARCHAR(1000),
    sv_environmental    INTEGER,
    sv_environmental_why VARCHAR(1000),
    attachment_id       BIGINT REFERENCES evidence_attachment (id),
    change_note         VARCHAR(500),
    search_text         VARCHAR(12000) NOT NULL,
    content_hash        VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    created_by          VARCHAR(80)   NOT NULL,
    CONSTRAINT evidence_version_uk UNIQUE (item_id, version_no)
);
CREATE INDEX evidence_version_cycle_ix ON evidence_item_version (cycle_id);

CREATE SEQUENCE evidence_pack_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE evidence_pack (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    pack_no         INTEGER       NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    content_hash    VARCHAR(64)   NOT NULL,
    submitted_by    VARCHAR(80)   NOT NULL,
    submitted_at    TIMESTAMP NOT NULL,
    submit_note     VARCHAR(1000),
    reviewed_by     VARCHAR(80),
    reviewed_at     TIMESTAMP,
    review_reason   VARCHAR(2000),
    CONSTRAINT evidence_pack_uk UNIQUE (cycle_id, pack_no)
);

CREATE SEQUENCE evidence_pack_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE evidence_pack_entry (
    id              BIGINT PRIMARY KEY,
    pack_id         BIGINT        NOT NULL REFERENCES evidence_pack (id),
    version_id      BIGINT        NOT NULL REFERENCES evidence_item_version (id),
    CONSTRAINT evidence_pack_entry_uk UNIQUE (pack_id, version_id)
);

CREATE SEQUENCE evidence_question_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE evidence_question (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    item_id         BIGINT        NOT NULL REFERENCES evidence_item (id),
    asked_by        VARCHAR(80)   NOT NULL,
    asked_at        TIMESTAMP NOT NULL,
    body            VARCHAR(1000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    merged_into     BIGINT REFERENCES evidence_question (id),
    reject_reason   VARCHAR(1000),
    moderated_by    VARCHAR(80),
    moderated_at    TIMESTAMP,
    answer          VARCHAR(4000),
    answered_by     VARCHAR(200),
    answer_recorded_by VARCHAR(80),
    answered_at     TIMESTAMP
);
CREATE INDEX evidence_question_cycle_ix ON evidence_question (cycle_id, status);

CREATE SEQUENCE evidence_reading_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE evidence_reading (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    item_id         BIGINT        NOT NULL REFERENCES evidence_item (id),
    reader          VARCHAR(80)   NOT NULL,
    read_at         TIMESTAMP NOT NULL,
    CONSTRAINT evidence_reading_uk UNIQUE (item_id, reader)
);
CREATE INDEX evidence_reading_cycle_ix ON evidence_reading (cycle_id);
