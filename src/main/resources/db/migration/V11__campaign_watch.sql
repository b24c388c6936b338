-- The campaign watch counts identical rankings arriving in the residents' channel per minute, in the database so
-- that every server sharing it sees the same arrivals. Only counts per (cycle, ranking digest, minute) are kept,
-- never who; rows older than the window are deleted as new ones arrive (see CampaignWatch).
CREATE TABLE campaign_watch (
    cycle_id        BIGINT       NOT NULL,
    ranking_digest  VARCHAR(64)  NOT NULL,
    minute_start    TIMESTAMP    NOT NULL,
    arrivals        INTEGER      NOT NULL,
    PRIMARY KEY (cycle_id, ranking_digest, minute_start)
);
