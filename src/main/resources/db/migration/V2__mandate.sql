-- Authorise: the full mandate (three questions, ladder, value cells, strategic triangle, counting rule, feedback
-- promise), decision items, success criteria, stakeholders, the statutory checklist, planned phase dates,
-- amendments after publication and the council's engagement register.

ALTER TABLE cycle ADD COLUMN decision_maker VARCHAR(200);
ALTER TABLE cycle ADD COLUMN partner_agencies VARCHAR(1000);
ALTER TABLE cycle ADD COLUMN ladder_level VARCHAR(20);
ALTER TABLE cycle ADD COLUMN value_cells VARCHAR(200);
ALTER TABLE cycle ADD COLUMN counting_rule VARCHAR(20);
ALTER TABLE cycle ADD COLUMN resident_ballot BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE cycle ADD COLUMN staff_hours INTEGER;
ALTER TABLE cycle ADD COLUMN skills VARCHAR(1000);
ALTER TABLE cycle ADD COLUMN engagement_cost BIGINT;
ALTER TABLE cycle ADD COLUMN feedback_channel VARCHAR(300);
ALTER TABLE cycle ADD COLUMN criteria_override VARCHAR(2000);
ALTER TABLE cycle ADD COLUMN mandate_published_at TIMESTAMP;
ALTER TABLE cycle ADD COLUMN previous_cycle_id BIGINT REFERENCES cycle (id);

CREATE SEQUENCE mandate_part_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE success_criterion (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    kind            VARCHAR(20)   NOT NULL,
    description     VARCHAR(1000) NOT NULL
);
CREATE INDEX success_criterion_cycle_ix ON success_criterion (cycle_id);

CREATE TABLE stakeholder (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    name            VARCHAR(300)  NOT NULL,
    interest        VARCHAR(1000)
);
CREATE INDEX stakeholder_cycle_ix ON stakeholder (cycle_id);

CREATE TABLE decision_item (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    title           VARCHAR(300)  NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    reason          VARCHAR(2000),
    ladder_level    VARCHAR(20)
);
CREATE INDEX decision_item_cycle_ix ON decision_item (cycle_id);

CREATE TABLE checklist_item (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    label           VARCHAR(300)  NOT NULL,
    done            BOOLEAN       NOT NULL DEFAULT FALSE,
    evidence_url    VARCHAR(1000),
    ticked_by       VARCHAR(80),
    ticked_at       TIMESTAMP
);
CREATE INDEX checklist_item_cycle_ix ON checklist_item (cycle_id);

CREATE TABLE phase_plan (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    phase           VARCHAR(20)   NOT NULL,
    planned_start   DATE          NOT NULL,
    CONSTRAINT phase_plan_uk UNIQUE (cycle_id, phase)
);

CREATE TABLE mandate_amendment (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    field           VARCHAR(60)   NOT NULL,
    old_value       VARCHAR(4000),
    new_value       VARCHAR(4000),
    reason          VARCHAR(2000) NOT NULL,
    amended_by      VARCHAR(80)   NOT NULL,
    amended_at      TIMESTAMP     NOT NULL
);
CREATE INDEX mandate_amendment_cycle_ix ON mandate_amendment (cycle_id);

CREATE TABLE engagement_activity (
    id              BIGINT PRIMARY KEY,
    council         VARCHAR(200)  NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    purpose         VARCHAR(2000) NOT NULL,
    ladder_level    VARCHAR(20)   NOT NULL,
    starts_on       DATE,
    ends_on         DATE,
    cycle_id        BIGINT        REFERENCES cycle (id),
    created_by      VARCHAR(80)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);
