-- Accounts are named in the audit log by a random reference instead of their id, so that no public entry carries
-- a resident's account id (docs/audit.md). Accounts created before this version keep their id there (NULL here).
ALTER TABLE account ADD COLUMN audit_ref VARCHAR(32);
CREATE UNIQUE INDEX account_audit_ref ON account (audit_ref);
