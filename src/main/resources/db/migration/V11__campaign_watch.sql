-- The campaign watch notices identical rankings arriving in the residents' channel, in the database so that every
-- server sharing it sees the same arrivals. One row per arrival (insert only, so concurrent ballots never wait for
-- each other here) holds the cycle, the ranking's digest and the minute, never who; rows leave the table once they
-- fall out of the ten-minute window, and all of a cycle's when its vote closes (see CampaignWatch).
CREATE TABLE campaign_arrival (
    cycle_id        BIGINT       NOT NULL,
    ranking_digest  VARCHAR(64)  NOT NULL,
    minute_start    TIMESTAMP    NOT NULL
);
CREATE INDEX campaign_arrival_ranking_ix ON campaign_arrival (cycle_id, ranking_digest, minute_start);
CREATE INDEX campaign_arrival_minute_ix ON campaign_arrival (minute_start);
