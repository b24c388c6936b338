-- Paper ballots (hybrid tally): officers key each collected batch twice (two different people) or import a scanning
-- service's CSV; the batch counts only once the two keyings agree or every difference has been resolved. Paper
-- ballots join the same ballot box as online ones and are reported separately.

ALTER TABLE ballot ADD COLUMN source VARCHAR(10) DEFAULT 'ONLINE' NOT NULL;

CREATE SEQUENCE paper_batch_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE paper_batch (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    label           VARCHAR(100)  NOT NULL,
    collected_where VARCHAR(300)  NOT NULL,
    collected_on    DATE          NOT NULL,
    sheets          INTEGER       NOT NULL,
    method          VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    opened_by       VARCHAR(80)   NOT NULL,
    opened_at       TIMESTAMP     NOT NULL,
    accepted_by     VARCHAR(80),
    accepted_at     TIMESTAMP,
    counted         INTEGER,
    spoilt          INTEGER,
    version         BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT paper_batch_label_uk UNIQUE (cycle_id, label)
);

-- One row per sheet per keying (keying 1 and 2; a scanning import is keying 1 alone; keying 0 is how an officer
-- settled a sheet on which the two keyings differ, with a note saying why). Sheets carry no voter identity: who was
-- given a paper ballot goes into the voter register when it is handed out (see PaperBallotService.issuePaperBallot).
CREATE SEQUENCE paper_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE paper_entry (
    id              BIGINT PRIMARY KEY,
    batch_id        BIGINT        NOT NULL REFERENCES paper_batch (id),
    keying          INTEGER       NOT NULL,
    sheet_no        INTEGER       NOT NULL,
    ranking         VARCHAR(2000) NOT NULL,
    spoilt          BOOLEAN       NOT NULL,
    note            VARCHAR(1000),
    keyed_by        VARCHAR(80)   NOT NULL,
    keyed_at        TIMESTAMP     NOT NULL,
    CONSTRAINT paper_entry_sheet_uk UNIQUE (batch_id, keying, sheet_no)
);
