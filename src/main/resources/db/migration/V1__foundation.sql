-- CivicLoop foundation schema. Portable SQL: runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Timestamps are UTC (the server runs with -Duser.timezone=UTC, see liberty/jvm.options).
-- Ids come from sequences (allocation size 50, as the JPA mappings say).

-- Identity ---------------------------------------------------------------------------------------------------
CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account (
    id              BIGINT PRIMARY KEY,
    username        VARCHAR(80)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    password_hash   VARCHAR(400) NOT NULL,
    roles           VARCHAR(200) NOT NULL,
    locale          VARCHAR(10),
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP,
    last_login_at   TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT account_username_uk UNIQUE (username)
);

-- Audit: append-only, hash-chained ---------------------------------------------------------------------------
CREATE TABLE audit_entry (
    seq             BIGINT PRIMARY KEY,
    recorded_at     VARCHAR(40)  NOT NULL,
    actor           VARCHAR(80)  NOT NULL,
    action          VARCHAR(80)  NOT NULL,
    entity_type     VARCHAR(60)  NOT NULL,
    entity_id       VARCHAR(80)  NOT NULL,
    before_digest   VARCHAR(64),
    after_digest    VARCHAR(64),
    detail          VARCHAR(4000),
    prev_hash       VARCHAR(64)  NOT NULL,
    hash            VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_entry_entity_ix ON audit_entry (entity_type, entity_id);
CREATE TABLE audit_head (
    id              INTEGER PRIMARY KEY,
    seq             BIGINT       NOT NULL,
    hash            VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Cycle ------------------------------------------------------------------------------------------------------
CREATE SEQUENCE cycle_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE cycle (
    id                      BIGINT PRIMARY KEY,
    council                 VARCHAR(200)  NOT NULL,
    title                   VARCHAR(200)  NOT NULL,
    question                VARCHAR(2000),
    purpose                 VARCHAR(4000),
    accountable_officer     VARCHAR(200),
    budget_amount           BIGINT,
    currency                VARCHAR(3)    NOT NULL,
    feedback_promise_date   DATE,
    feedback_promise_how    VARCHAR(1000),
    phase                   VARCHAR(20)   NOT NULL,
    published               BOOLEAN       NOT NULL DEFAULT FALSE,
    demo                    BOOLEAN       NOT NULL DEFAULT FALSE,
    report_published_at     TIMESTAMP,
    report_summary          VARCHAR(4000),
    created_at              TIMESTAMP NOT NULL,
    created_by              VARCHAR(80)   NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX cycle_published_ix ON cycle (published);

CREATE SEQUENCE phase_transition_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE phase_transition (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT       NOT NULL REFERENCES cycle (id),
    from_phase      VARCHAR(20),
    to_phase        VARCHAR(20)  NOT NULL,
    moved_at        TIMESTAMP NOT NULL,
    actor           VARCHAR(80)  NOT NULL,
    note            VARCHAR(1000)
);
CREATE INDEX phase_transition_cycle_ix ON phase_transition (cycle_id);

-- Walking-skeleton pieces of each phase (later migrations grow them) ----------------------------------------
CREATE SEQUENCE volunteer_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE volunteer (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT       NOT NULL REFERENCES cycle (id),
    account_id      BIGINT       NOT NULL REFERENCES account (id),
    status          VARCHAR(20)  NOT NULL,
    consent         BOOLEAN      NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    CONSTRAINT volunteer_once_uk UNIQUE (cycle_id, account_id)
);

CREATE SEQUENCE evidence_item_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE evidence_item (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    title           VARCHAR(300)  NOT NULL,
    summary         VARCHAR(8000) NOT NULL,
    perspective     VARCHAR(20)   NOT NULL,
    source          VARCHAR(500),
    published       BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP NOT NULL,
    created_by      VARCHAR(80)   NOT NULL
);
CREATE INDEX evidence_item_cycle_ix ON evidence_item (cycle_id);

CREATE SEQUENCE budget_option_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE budget_option (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    code            VARCHAR(20)   NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    description     VARCHAR(4000),
    cost            BIGINT        NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    CONSTRAINT budget_option_code_uk UNIQUE (cycle_id, code)
);

CREATE SEQUENCE deliberation_note_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE deliberation_note (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    round_title     VARCHAR(300)  NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    created_by      VARCHAR(80)   NOT NULL
);

-- Ballots carry no voter identity and only the day they were cast; the register says who voted, not how.
CREATE SEQUENCE ballot_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ballot (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    channel         VARCHAR(10)   NOT NULL,
    receipt         VARCHAR(32)   NOT NULL,
    ranking         VARCHAR(2000) NOT NULL,
    cast_on         DATE          NOT NULL,
    CONSTRAINT ballot_receipt_uk UNIQUE (receipt)
);
CREATE INDEX ballot_cycle_ix ON ballot (cycle_id, channel);
CREATE TABLE voter_register (
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    channel         VARCHAR(10)   NOT NULL,
    account_id      BIGINT        NOT NULL REFERENCES account (id),
    PRIMARY KEY (cycle_id, channel, account_id)
);

CREATE SEQUENCE recommendation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE recommendation (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    rank_position   INTEGER       NOT NULL,
    option_id       BIGINT        REFERENCES budget_option (id),
    title           VARCHAR(300)  NOT NULL,
    support         VARCHAR(1000),
    response        VARCHAR(20),
    rationale       VARCHAR(4000),
    responded_by    VARCHAR(80),
    responded_at    TIMESTAMP
);

CREATE SEQUENCE indicator_reading_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE indicator_reading (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    indicator       VARCHAR(300)  NOT NULL,
    reading_value   VARCHAR(100)  NOT NULL,
    explanation     VARCHAR(4000) NOT NULL,
    recorded_at     TIMESTAMP NOT NULL,
    recorded_by     VARCHAR(80)   NOT NULL
);
