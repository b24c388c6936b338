-- Recruit: the two-stage lottery (docs/jury.md, "Letter rounds"). Stage one draws addresses from an address list for
-- invitation letters, each with a one-time registration code; stage two is the jury draw over those who registered.

-- Per cycle: whether volunteering needs a letter's code (LETTERS_ONLY) or is open to anyone as well (OPEN).
ALTER TABLE jury_setting ADD COLUMN volunteering VARCHAR(20) DEFAULT 'OPEN' NOT NULL;

-- One letter round per cycle: the uploaded list's layout and size, the commitment to the seed (the seed itself is
-- published once the letters are drawn), how many letters, and whether they are split across areas in proportion.
CREATE SEQUENCE jury_letter_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE jury_letter_round (
    id                  BIGINT PRIMARY KEY,
    cycle_id            BIGINT         NOT NULL REFERENCES cycle (id),
    list_header         VARCHAR(20000) NOT NULL,
    id_column           VARCHAR(200)   NOT NULL,
    address_columns     VARCHAR(2000)  NOT NULL,
    area_column         VARCHAR(200),
    list_sha256         VARCHAR(64)    NOT NULL,
    address_count       INTEGER        NOT NULL,
    uploaded_at         TIMESTAMP      NOT NULL,
    letters             INTEGER,
    by_area             BOOLEAN        DEFAULT FALSE NOT NULL,
    seed_commitment     VARCHAR(64),
    seed                VARCHAR(200),
    committed_at        TIMESTAMP,
    drawn_at            TIMESTAMP,
    CONSTRAINT jury_letter_round_cycle_uk UNIQUE (cycle_id)
);

-- The address list, one row per line (personal data: officers only, deleted by the retention rule). Drawn rows get
-- their place in the draw and a registration code; a used code names the volunteer who registered with it.
CREATE TABLE jury_letter_address (
    id                  BIGINT PRIMARY KEY,
    cycle_id            BIGINT         NOT NULL REFERENCES cycle (id),
    line_no             INTEGER        NOT NULL,
    external_id         VARCHAR(200),
    source_row          VARCHAR(20000),
    area                VARCHAR(200),
    household_key       VARCHAR(2000),
    draw_order          INTEGER,
    code                VARCHAR(20),
    volunteer_id        BIGINT         REFERENCES volunteer (id),
    registered_at       TIMESTAMP,
    CONSTRAINT jury_letter_address_code_uk UNIQUE (code),
    CONSTRAINT jury_letter_address_volunteer_uk UNIQUE (volunteer_id)
);
CREATE INDEX jury_letter_address_cycle_ix ON jury_letter_address (cycle_id, draw_order);
