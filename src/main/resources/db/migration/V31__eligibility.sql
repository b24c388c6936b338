-- Eligibility (issue 22): who may cast a residents' ballot and support proposals in a cycle. An officer defines the
-- cycle's electorate (minimum age, districts, which verification methods count); residents verify by a census match,
-- a one-time postal code or an officer's in-person check. Owned by the eligibility capability. Census identifiers and
-- postal codes are stored only as keyed hashes (HMAC-SHA256, docs/eligibility.md); rows that name an account carry a
-- random salt, so that their audited digests cannot be matched against guessed user names.

CREATE SEQUENCE eligibility_seq START WITH 50 INCREMENT BY 50;

-- One row per cycle (id = the cycle's id). No row: the cycle is open to any signed-in resident.
CREATE TABLE eligibility_electorate (
    id           BIGINT        PRIMARY KEY REFERENCES cycle (id),
    min_age      INTEGER       NOT NULL,
    districts    VARCHAR(2000) NOT NULL,
    by_census    BOOLEAN       NOT NULL,
    by_code      BOOLEAN       NOT NULL,
    in_person    BOOLEAN       NOT NULL,
    changed_by   VARCHAR(80)   NOT NULL,
    changed_at   TIMESTAMP     NOT NULL
);

-- One row per census line: the keyed hash of the person's identifiers (document number, date of birth, postcode) and
-- their district; once used, the account it verified (a second account cannot use it). The age is checked when a
-- resident verifies, from the date of birth they type (which the hash confirms).
CREATE TABLE eligibility_census (
    id             BIGINT       PRIMARY KEY,
    cycle_id       BIGINT       NOT NULL REFERENCES cycle (id),
    line_no        INTEGER      NOT NULL,
    identity_hash  VARCHAR(64)  NOT NULL,
    district       VARCHAR(100) NOT NULL,
    account        VARCHAR(80),
    salt           VARCHAR(32)  NOT NULL,
    bound_at       TIMESTAMP,
    CONSTRAINT eligibility_census_once UNIQUE (cycle_id, identity_hash)
);

-- One-time postal codes (the letter rounds' code format): the keyed hash of the code, its district, once used the
-- account it verified.
CREATE TABLE eligibility_code (
    id          BIGINT       PRIMARY KEY,
    cycle_id    BIGINT       NOT NULL REFERENCES cycle (id),
    code_hash   VARCHAR(64)  NOT NULL,
    district    VARCHAR(100) NOT NULL,
    account     VARCHAR(80),
    salt        VARCHAR(32)  NOT NULL,
    issued_at   TIMESTAMP    NOT NULL,
    used_at     TIMESTAMP,
    CONSTRAINT eligibility_code_once UNIQUE (code_hash)
);
CREATE INDEX eligibility_code_cycle ON eligibility_code (cycle_id);

-- An account verified for a cycle: once per cycle and account; the method, the district, the officer for in-person.
CREATE TABLE eligibility_verification (
    id           BIGINT       PRIMARY KEY,
    cycle_id     BIGINT       NOT NULL REFERENCES cycle (id),
    account      VARCHAR(80)  NOT NULL,
    district     VARCHAR(100) NOT NULL,
    method       VARCHAR(20)  NOT NULL,
    verified_by  VARCHAR(80),
    salt         VARCHAR(32)  NOT NULL,
    verified_at  TIMESTAMP    NOT NULL,
    CONSTRAINT eligibility_verification_once UNIQUE (cycle_id, account)
);

-- The hashing key when civicloop.eligibility.key is not configured: generated once, kept here (weaker: see
-- docs/eligibility.md).
CREATE TABLE eligibility_key (
    id       INTEGER      PRIMARY KEY,
    secret   VARCHAR(100) NOT NULL
);
