-- Residents' proposals (issue 22): a proposals step of a cycle, the proposals with their supports, duplicates
-- merged, assessments (feasible or not, why, the estimate, the delivering service), the option a feasible proposal
-- became, reports and moderation. Owned by the proposal capability. Rows that name a resident carry a random salt,
-- so that their audited digests cannot be matched against guessed user names.

CREATE SEQUENCE proposal_seq START WITH 50 INCREMENT BY 50;

-- One row per cycle (id = the cycle's id): whether proposals are accepted, and in which districts.
CREATE TABLE proposal_setting (
    id          BIGINT        PRIMARY KEY REFERENCES cycle (id),
    accepting   BOOLEAN       NOT NULL,
    districts   VARCHAR(2000) NOT NULL,
    changed_by  VARCHAR(80)   NOT NULL,
    changed_at  TIMESTAMP     NOT NULL
);

CREATE TABLE proposal (
    id             BIGINT        PRIMARY KEY,
    cycle_id       BIGINT        NOT NULL REFERENCES cycle (id),
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(4000) NOT NULL,
    district       VARCHAR(100)  NOT NULL,
    rough_cost     BIGINT        NOT NULL,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    author         VARCHAR(80)   NOT NULL,
    credit         VARCHAR(100),
    salt           VARCHAR(32)   NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    merged_into    BIGINT REFERENCES proposal (id),
    reason         VARCHAR(2000),
    estimate       BIGINT,
    service        VARCHAR(200),
    assessed_by    VARCHAR(80),
    assessed_at    TIMESTAMP,
    option_code    VARCHAR(20),
    hidden         BOOLEAN       DEFAULT FALSE NOT NULL,
    hidden_reason  VARCHAR(500),
    hidden_by      VARCHAR(80),
    hidden_at      TIMESTAMP,
    created_at     TIMESTAMP     NOT NULL
);
CREATE INDEX proposal_cycle ON proposal (cycle_id, status);
CREATE INDEX proposal_merged ON proposal (merged_into);

-- One support per account and proposal; withdrawing keeps the row (withdrawn_at), supporting again clears it.
CREATE TABLE proposal_support (
    id            BIGINT       PRIMARY KEY,
    proposal_id   BIGINT       NOT NULL REFERENCES proposal (id),
    account       VARCHAR(80)  NOT NULL,
    salt          VARCHAR(32)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    withdrawn_at  TIMESTAMP,
    CONSTRAINT proposal_support_once UNIQUE (proposal_id, account)
);

CREATE TABLE proposal_report (
    id           BIGINT       PRIMARY KEY,
    proposal_id  BIGINT       NOT NULL REFERENCES proposal (id),
    reporter     VARCHAR(80)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    salt         VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    CONSTRAINT proposal_report_once UNIQUE (proposal_id, reporter)
);

-- In-app notices to a proposal's author: merged, assessed, selected as an option, hidden.
CREATE TABLE proposal_notice (
    id           BIGINT       PRIMARY KEY,
    proposal_id  BIGINT       NOT NULL REFERENCES proposal (id),
    recipient    VARCHAR(80)  NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);
CREATE INDEX proposal_notice_recipient ON proposal_notice (recipient);
