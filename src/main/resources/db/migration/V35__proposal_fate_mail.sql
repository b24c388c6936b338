-- Residents' proposals after they became options (issue 22): what happened to each in the vote, the council's answer
-- once its report is published, and the delivery of the outcome, as public steps of the proposal; authors who asked
-- for it are e-mailed each notice through the feedback capability's mail outbox.

-- One row per step a selected proposal reached after the vote (public facts, shown on the proposal's page).
-- step: VOTE (state FUNDED or NOT_FUNDED), DECISION (state: the council's response, note: its rationale),
-- DELIVERY (state: the delivery status, percent: how far, note: the progress note).
CREATE TABLE proposal_step (
    id           BIGINT        PRIMARY KEY,
    proposal_id  BIGINT        NOT NULL REFERENCES proposal (id),
    step         VARCHAR(20)   NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    percent      INTEGER,
    note         VARCHAR(4000),
    -- the count's explanation of why the vote did not fund it, in English and in Spanish
    why_en       VARCHAR(4000),
    why_es       VARCHAR(4000),
    created_at   TIMESTAMP     NOT NULL
);
CREATE INDEX proposal_step_proposal ON proposal_step (proposal_id, created_at);

-- Authors who asked, when proposing, to be e-mailed each notice about their proposal (id = the proposal's id).
CREATE TABLE proposal_mail_opt_in (
    id          BIGINT     PRIMARY KEY REFERENCES proposal (id),
    created_at  TIMESTAMP  NOT NULL
);

-- The mail outbox carries personal notices besides report notifications: such a delivery names its account and the
-- message keys and arguments it is written from (in the reader's language when it is sent), and no notification.
ALTER TABLE mail_delivery ALTER COLUMN notification_id DROP NOT NULL;
ALTER TABLE mail_delivery ADD COLUMN account_id BIGINT;
ALTER TABLE mail_delivery ADD COLUMN subject_key VARCHAR(100);
ALTER TABLE mail_delivery ADD COLUMN text_key VARCHAR(100);
ALTER TABLE mail_delivery ADD COLUMN args VARCHAR(2000);
ALTER TABLE mail_delivery ADD COLUMN link VARCHAR(500);
