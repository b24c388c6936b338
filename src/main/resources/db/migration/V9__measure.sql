-- Measure: outcome objectives per funded option, indicators (with how they could be gamed and a counter-indicator),
-- readings over time (each with its explanation), progress and milestones, providers' public value accounts,
-- the co-production ledger, the post-cycle trust survey and the resident review panel.

CREATE SEQUENCE outcome_objective_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE outcome_objective (
    id                  BIGINT PRIMARY KEY,
    cycle_id            BIGINT        NOT NULL REFERENCES cycle (id),
    option_id           BIGINT        NOT NULL REFERENCES budget_option (id),
    outcome             VARCHAR(2000) NOT NULL,
    value_cell          VARCHAR(20)   NOT NULL,
    owner_name          VARCHAR(200)  NOT NULL,
    partners            VARCHAR(1000),
    baseline            VARCHAR(1000) NOT NULL,
    target              VARCHAR(1000) NOT NULL,
    review_date         DATE          NOT NULL,
    set_published_at    TIMESTAMP,
    progress_status     VARCHAR(20)   NOT NULL,
    percent_complete    INTEGER       DEFAULT 0 NOT NULL,
    spend               BIGINT        DEFAULT 0 NOT NULL,
    progress_note       VARCHAR(2000),
    progress_at         TIMESTAMP,
    created_at          TIMESTAMP     NOT NULL,
    created_by          VARCHAR(80)   NOT NULL,
    CONSTRAINT outcome_objective_option_uk UNIQUE (option_id)
);
CREATE INDEX outcome_objective_cycle_ix ON outcome_objective (cycle_id);

CREATE SEQUENCE objective_milestone_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE objective_milestone (
    id              BIGINT PRIMARY KEY,
    objective_id    BIGINT        NOT NULL REFERENCES outcome_objective (id),
    title           VARCHAR(300)  NOT NULL,
    due_on          DATE          NOT NULL,
    done_on         DATE
);

CREATE SEQUENCE outcome_indicator_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE outcome_indicator (
    id                  BIGINT PRIMARY KEY,
    objective_id        BIGINT        NOT NULL REFERENCES outcome_objective (id),
    name                VARCHAR(300)  NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    unit                VARCHAR(40)   NOT NULL,
    source              VARCHAR(500)  NOT NULL,
    frequency           VARCHAR(20)   NOT NULL,
    gaming_risk         VARCHAR(2000) NOT NULL,
    counter_indicator   VARCHAR(300)  NOT NULL,
    baseline_amount     DECIMAL(19, 4),
    target_amount       DECIMAL(19, 4),
    created_at          TIMESTAMP     NOT NULL,
    created_by          VARCHAR(80)   NOT NULL
);
CREATE INDEX outcome_indicator_objective_ix ON outcome_indicator (objective_id);

-- Readings now belong to an indicator and carry a number and the date they measure. Readings recorded before this
-- migration keep their free-text indicator name (indicator_id stays empty) and measure the day they were recorded.
ALTER TABLE indicator_reading ADD COLUMN indicator_id BIGINT REFERENCES outcome_indicator (id);
ALTER TABLE indicator_reading ADD COLUMN amount DECIMAL(19, 4);
ALTER TABLE indicator_reading ADD COLUMN measured_on DATE;
UPDATE indicator_reading SET measured_on = CAST(recorded_at AS DATE);
ALTER TABLE indicator_reading ALTER COLUMN measured_on SET NOT NULL;
CREATE INDEX indicator_reading_indicator_ix ON indicator_reading (indicator_id);

CREATE SEQUENCE value_account_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE value_account (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    objective_id    BIGINT        NOT NULL REFERENCES outcome_objective (id),
    provider        VARCHAR(200)  NOT NULL,
    account_year    INTEGER       NOT NULL,
    summary         VARCHAR(4000) NOT NULL,
    submitted_at    TIMESTAMP     NOT NULL,
    submitted_by    VARCHAR(80)   NOT NULL,
    CONSTRAINT value_account_uk UNIQUE (objective_id, provider, account_year)
);

CREATE SEQUENCE value_promise_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE value_promise (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT        NOT NULL REFERENCES value_account (id),
    dimension       VARCHAR(20)   NOT NULL,
    promise         VARCHAR(1000) NOT NULL,
    delivered       VARCHAR(2000) NOT NULL,
    verdict         VARCHAR(20),
    evidence        VARCHAR(2000),
    marked_by       VARCHAR(80),
    marked_at       TIMESTAMP
);

CREATE SEQUENCE ledger_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ledger_entry (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    kind            VARCHAR(20)   NOT NULL,
    description     VARCHAR(500)  NOT NULL,
    hours           DECIMAL(12, 2),
    amount          BIGINT        DEFAULT 0 NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL,
    recorded_by     VARCHAR(80)   NOT NULL
);
CREATE INDEX ledger_entry_cycle_ix ON ledger_entry (cycle_id);

-- One answer per account per cycle: the primary key makes a second answer impossible.
CREATE TABLE trust_answer (
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    account_id      BIGINT        NOT NULL REFERENCES account (id),
    trust_score     INTEGER       NOT NULL,
    heard_score     INTEGER       NOT NULL,
    again           BOOLEAN       NOT NULL,
    answered_on     DATE          NOT NULL,
    PRIMARY KEY (cycle_id, account_id)
);

CREATE SEQUENCE review_panel_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE review_panel (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    seed            VARCHAR(200)  NOT NULL,
    panel_size      INTEGER       NOT NULL,
    pool_size       INTEGER       NOT NULL,
    drawn_at        TIMESTAMP     NOT NULL,
    drawn_by        VARCHAR(80)   NOT NULL,
    CONSTRAINT review_panel_cycle_uk UNIQUE (cycle_id)
);

CREATE TABLE review_panel_member (
    panel_id        BIGINT        NOT NULL REFERENCES review_panel (id),
    account_id      BIGINT        NOT NULL REFERENCES account (id),
    PRIMARY KEY (panel_id, account_id)
);

CREATE SEQUENCE review_comment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE review_comment (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    indicator_id    BIGINT        NOT NULL REFERENCES outcome_indicator (id),
    review_quarter  VARCHAR(7)    NOT NULL,
    comment_text    VARCHAR(2000) NOT NULL,
    account_id      BIGINT        NOT NULL REFERENCES account (id),
    created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX review_comment_indicator_ix ON review_comment (indicator_id);
