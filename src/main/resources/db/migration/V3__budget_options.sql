-- Voting: costed options carry their public value cells, value chain, the groups they affect, knock-on costs and the
-- evidence they rest on; a mandate may let voters change their ballot until the vote closes.

ALTER TABLE budget_option ADD COLUMN value_cells VARCHAR(200);
ALTER TABLE budget_option ADD COLUMN chain_inputs VARCHAR(2000);
ALTER TABLE budget_option ADD COLUMN chain_activities VARCHAR(2000);
ALTER TABLE budget_option ADD COLUMN chain_outputs VARCHAR(2000);
ALTER TABLE budget_option ADD COLUMN chain_outcomes VARCHAR(2000);
ALTER TABLE budget_option ADD COLUMN groups_affected VARCHAR(2000);
ALTER TABLE budget_option ADD COLUMN knock_on_costs VARCHAR(2000);
ALTER TABLE budget_option ADD COLUMN evidence_ids VARCHAR(500);

ALTER TABLE cycle ADD COLUMN ballot_changeable BOOLEAN DEFAULT FALSE NOT NULL;

-- Residents' ballots that look like a campaign (identical rankings arriving in a burst) are flagged for an officer,
-- never dropped.
ALTER TABLE ballot ADD COLUMN flagged BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ballot ADD COLUMN superseded BOOLEAN DEFAULT FALSE NOT NULL;
