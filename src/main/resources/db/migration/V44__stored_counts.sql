-- The count of each budget's and channel's ballots, stored once when the vote closes (issue 20): every page, report
-- and API reads it from here, never recounting; a recount compares a fresh count of the ballot box with it. Owned by
-- the voting capability, written in the transaction that moves the cycle out of VOTE (cycles already past VOTE get
-- theirs on the first start after the upgrade), audited as voting.countStored with the root and the result's digest.
-- One row per cycle, budget (code; 'city' for the city-wide one) and channel; never changed afterwards.
CREATE TABLE stored_count (
    id             BIGINT          PRIMARY KEY,
    cycle_id       BIGINT          NOT NULL REFERENCES cycle (id),
    budget_code    VARCHAR(20)     NOT NULL,
    budget_id      BIGINT,
    channel        VARCHAR(16)     NOT NULL,
    rule           VARCHAR(32)     NOT NULL,
    seats          INTEGER,
    budget_amount  BIGINT          NOT NULL,
    tie_break      VARCHAR(32)     NOT NULL,
    ballots        INTEGER         NOT NULL,
    online_ballots INTEGER         NOT NULL,
    paper_ballots  INTEGER         NOT NULL,
    excluded       INTEGER         NOT NULL,
    root           VARCHAR(64)     NOT NULL,
    winners        VARCHAR(8000)   NOT NULL,
    result_json    VARCHAR(1000000) NOT NULL,
    result_data    VARCHAR(1000000) NOT NULL,
    result_digest  VARCHAR(64)     NOT NULL,
    stored_at      TIMESTAMP       NOT NULL,
    CONSTRAINT stored_count_once UNIQUE (cycle_id, budget_code, channel)
);
