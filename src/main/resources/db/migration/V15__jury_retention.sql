-- Retention: when a closed cycle's jury personal data was deleted, and the usual-suspects figures frozen at that
-- moment (they need the accounts, which pseudonymisation unlinks).
CREATE TABLE jury_retention (
    id                  BIGINT PRIMARY KEY,
    cycle_id            BIGINT         NOT NULL REFERENCES cycle (id),
    purged_at           TIMESTAMP      NOT NULL,
    pool_count          BIGINT         NOT NULL,
    pool_repeat         BIGINT         NOT NULL,
    jury_count          BIGINT         NOT NULL,
    jury_repeat         BIGINT         NOT NULL,
    CONSTRAINT jury_retention_cycle_uk UNIQUE (cycle_id)
);
