-- Issue 18: every ballot and every voter-register row is tamper-evident. Each gets an audit entry with its row digest
-- (register rows now have a random id for the digest to name). A random salt in each row keeps those digests from
-- being recomputed out of what is published (receipts and rankings, account ids), so the public log cannot be
-- matched against the ballot export or a list of accounts. owner_tag (HMAC of the ballot's receipt under a server
-- secret) lets only the account that cast a ballot change it, without storing anything a database reader could use
-- to link the account to its ballot.
ALTER TABLE ballot ADD COLUMN salt VARCHAR(32);
ALTER TABLE voter_register ADD COLUMN id BIGINT;
ALTER TABLE voter_register ADD COLUMN salt VARCHAR(32);
ALTER TABLE voter_register ADD COLUMN owner_tag VARCHAR(64);
CREATE UNIQUE INDEX voter_register_id_uk ON voter_register (id);
