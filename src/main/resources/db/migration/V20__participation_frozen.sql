-- Measure: a cycle's participation figures (participants, repeat share), frozen when the jury's personal data is
-- deleted: retention unlinks the volunteers from their accounts and deletes the imported rows that the live figures
-- count. One row per cycle; id is the cycle's id.

CREATE TABLE participation_frozen (
    id            BIGINT           PRIMARY KEY REFERENCES cycle (id),
    frozen_at     TIMESTAMP        NOT NULL,
    participants  INTEGER          NOT NULL,
    repeat_share  DOUBLE PRECISION
);
