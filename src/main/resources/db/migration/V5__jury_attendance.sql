-- Recruit: invitations' answers, attendance, and replacements drawn for those who declined.
ALTER TABLE volunteer ADD COLUMN response VARCHAR(10);
ALTER TABLE volunteer ADD COLUMN attended BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE volunteer ADD COLUMN replaces_id BIGINT;
