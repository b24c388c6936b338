-- Officers' decisions on residents' ballots flagged as a possible campaign (issue 21): each flagged ballot, by its
-- receipt, is either counted or excluded from the count, with a public reason. The ballot row itself never changes
-- (it stays in the sealed ballot box's Merkle tree, so receipts still prove it was received as cast); the count, the
-- published exports and the offline recount leave out the excluded ones. Owned by the voting capability. Decided
-- while the vote is open; final once it closes (the count is published then). Audited (voting.flaggedDecided).
CREATE TABLE campaign_decision (
    id          BIGINT        PRIMARY KEY,
    cycle_id    BIGINT        NOT NULL REFERENCES cycle (id),
    receipt     VARCHAR(40)   NOT NULL,
    excluded    BOOLEAN       NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    decided_at  TIMESTAMP     NOT NULL,
    CONSTRAINT campaign_decision_once UNIQUE (receipt)
);
CREATE INDEX campaign_decision_cycle ON campaign_decision (cycle_id);
