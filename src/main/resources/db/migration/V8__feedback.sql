-- Decide and feed back: recommendations with their support, the council's full response and an elected member's
-- sign-off; the "you said, we did" report as immutable versions; opt-in notifications and their e-mail deliveries.

-- What the jury recommends: the level of support, minority positions and the resident channel's result.
-- Where it comes from: COUNT (funded by the jury's count), RESIDENTS (funded only by the residents' channel) or
-- JURY (agreed in deliberation, outside the budget options).
ALTER TABLE recommendation ADD COLUMN source VARCHAR(12) NOT NULL DEFAULT 'COUNT';
ALTER TABLE recommendation ADD COLUMN option_code VARCHAR(20);
ALTER TABLE recommendation ADD COLUMN jury_ballots INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recommendation ADD COLUMN first_choices INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recommendation ADD COLUMN ranked_by INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recommendation ADD COLUMN minority_positions VARCHAR(4000);
ALTER TABLE recommendation ADD COLUMN resident_ballots INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recommendation ADD COLUMN resident_funded BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE recommendation ADD COLUMN resident_score VARCHAR(40);
-- The response in full.
ALTER TABLE recommendation ADD COLUMN trade_off VARCHAR(2000);
ALTER TABLE recommendation ADD COLUMN budget_line VARCHAR(200);
ALTER TABLE recommendation ADD COLUMN amount_committed BIGINT;
ALTER TABLE recommendation ADD COLUMN who_loses VARCHAR(2000);
ALTER TABLE recommendation ADD COLUMN offered VARCHAR(2000);
ALTER TABLE recommendation ADD COLUMN decided_by VARCHAR(200);
-- Items for political decision need an elected member's sign-off, recorded by a second officer.
ALTER TABLE recommendation ADD COLUMN political BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE recommendation ADD COLUMN signoff_member VARCHAR(200);
ALTER TABLE recommendation ADD COLUMN signoff_on DATE;
ALTER TABLE recommendation ADD COLUMN signoff_recorded_by VARCHAR(80);
ALTER TABLE recommendation ADD COLUMN signoff_recorded_at TIMESTAMP;
CREATE INDEX recommendation_cycle_ix ON recommendation (cycle_id);

-- Each published version of a cycle's report: a snapshot (JSON) that never changes, and its SHA-256.
CREATE SEQUENCE report_version_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE report_version (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT          NOT NULL REFERENCES cycle (id),
    version_no      INTEGER         NOT NULL,
    change_note     VARCHAR(2000),
    snapshot        VARCHAR(1000000) NOT NULL,
    content_hash    VARCHAR(64)     NOT NULL,
    published_at    TIMESTAMP       NOT NULL,
    published_by    VARCHAR(80)     NOT NULL,
    CONSTRAINT report_version_uk UNIQUE (cycle_id, version_no)
);

-- Who wants to hear when a report of a cycle they took part in is published.
-- The id is the account's id (one row per account that opted in).
CREATE TABLE report_opt_in (
    id              BIGINT          PRIMARY KEY REFERENCES account (id),
    opted_in_at     TIMESTAMP       NOT NULL
);

-- In-app notifications of the signed-in person.
CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE notification (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT          NOT NULL REFERENCES account (id),
    cycle_id        BIGINT          NOT NULL REFERENCES cycle (id),
    version_no      INTEGER         NOT NULL,
    created_at      TIMESTAMP       NOT NULL,
    read_at         TIMESTAMP
);
CREATE INDEX notification_account_ix ON notification (account_id);

-- The e-mail side of a notification: sent after the publication commits, retried a bounded number of times.
CREATE SEQUENCE mail_delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE mail_delivery (
    id              BIGINT PRIMARY KEY,
    notification_id BIGINT          NOT NULL REFERENCES notification (id),
    address         VARCHAR(254)    NOT NULL,
    status          VARCHAR(20)     NOT NULL,
    attempts        INTEGER         NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    next_attempt_at TIMESTAMP,
    updated_at      TIMESTAMP       NOT NULL
);
CREATE INDEX mail_delivery_status_ix ON mail_delivery (status);
