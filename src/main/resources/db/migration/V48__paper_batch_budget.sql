-- Paper ballots per budget (issue 22): a batch of paper ballots belongs to one budget, NULL for the city-wide one
-- (every batch before V48), else a district budget's; its sheets rank that budget's options and become ballots of
-- that budget's box. Owned by the voting capability.
ALTER TABLE paper_batch ADD COLUMN budget_id BIGINT REFERENCES budget (id);
