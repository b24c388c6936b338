-- District budgets (issue 22): a cycle's money split into a city-wide budget and budgets per district, each with its
-- envelope, its counting rule and its options; a resident votes in the city-wide budget and in their own district's.
-- Owned by the voting capability. The city-wide budget is the cycle's own (the mandate's envelope and counting rule),
-- so it needs no row: every existing option and ballot (budget_id NULL) stays in it and every existing cycle keeps
-- exactly what it had. A row here is a district budget; its counting rule NULL means the mandate's.
CREATE SEQUENCE budget_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE budget (
    id             BIGINT        PRIMARY KEY,
    cycle_id       BIGINT        NOT NULL REFERENCES cycle (id),
    code           VARCHAR(20)   NOT NULL,
    label          VARCHAR(200)  NOT NULL,
    district       VARCHAR(100)  NOT NULL,
    amount         BIGINT        NOT NULL,
    counting_rule  VARCHAR(20),
    created_at     TIMESTAMP     NOT NULL,
    CONSTRAINT budget_code_uk UNIQUE (cycle_id, code),
    CONSTRAINT budget_district_uk UNIQUE (cycle_id, district)
);

-- The budget an option belongs to (NULL: the city-wide budget). Codes stay unique across the cycle's budgets.
ALTER TABLE budget_option ADD COLUMN budget_id BIGINT REFERENCES budget (id);

-- The budget a residents' ballot was cast in (NULL: the city-wide budget; jury ballots always).
ALTER TABLE ballot ADD COLUMN budget_id BIGINT REFERENCES budget (id);
CREATE INDEX ballot_budget_ix ON ballot (budget_id);

-- Who voted in a district budget: one row per budget and account, the database's guarantee of one ballot per person
-- and budget (as voter_register is for the city-wide budget and the jury). Random id, salt and the tag of the ballot's
-- receipt, as voter_register since V21; never linked to the ballot itself.
CREATE TABLE budget_register (
    budget_id   BIGINT       NOT NULL REFERENCES budget (id),
    account_id  BIGINT       NOT NULL REFERENCES account (id),
    id          BIGINT       NOT NULL,
    salt        VARCHAR(32)  NOT NULL,
    owner_tag   VARCHAR(64),
    PRIMARY KEY (budget_id, account_id),
    CONSTRAINT budget_register_id_uk UNIQUE (id)
);
