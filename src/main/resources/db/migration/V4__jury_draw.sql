-- Recruit: the jury's categories and quotas, volunteers' answers, and the committed, reproducible draw.

CREATE SEQUENCE jury_part_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE jury_quota (
    id              BIGINT PRIMARY KEY,
    cycle_id        BIGINT        NOT NULL REFERENCES cycle (id),
    feature         VARCHAR(100)  NOT NULL,
    feature_value   VARCHAR(100)  NOT NULL,
    min_count       INTEGER       NOT NULL,
    max_count       INTEGER       NOT NULL,
    CONSTRAINT jury_quota_uk UNIQUE (cycle_id, feature, feature_value)
);

CREATE TABLE volunteer_answer (
    id              BIGINT PRIMARY KEY,
    volunteer_id    BIGINT        NOT NULL REFERENCES volunteer (id),
    feature         VARCHAR(100)  NOT NULL,
    feature_value   VARCHAR(100)  NOT NULL,
    CONSTRAINT volunteer_answer_uk UNIQUE (volunteer_id, feature)
);

-- The seed's SHA-256 is published before the draw; the seed itself when the jury is drawn.
CREATE TABLE jury_draw (
    id                  BIGINT PRIMARY KEY,
    cycle_id            BIGINT        NOT NULL REFERENCES cycle (id),
    method              VARCHAR(20)   NOT NULL,
    panel_size          INTEGER       NOT NULL,
    seed_commitment     VARCHAR(64)   NOT NULL,
    seed                VARCHAR(200)  NOT NULL,
    committed_at        TIMESTAMP     NOT NULL,
    committed_by        VARCHAR(80)   NOT NULL,
    drawn_at            TIMESTAMP,
    min_probability     VARCHAR(40),
    mean_probability    VARCHAR(40),
    CONSTRAINT jury_draw_cycle_uk UNIQUE (cycle_id)
);
