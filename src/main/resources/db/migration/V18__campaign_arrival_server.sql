-- The campaign watch counts arrivals in each server's memory and writes them here in batches, once a second, tagged
-- with the writing server's run (a random id per start), so that a server adds only the other servers' arrivals to
-- its own count (see CampaignWatch). Rows written before this column existed count as another server's.
ALTER TABLE campaign_arrival ADD COLUMN server_run VARCHAR(36);
