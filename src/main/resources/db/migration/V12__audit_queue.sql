-- Busy actions (ballots cast, live inputs from jurors' phones) are not chained inside their own transaction: that
-- held the chain head's row lock until commit and so made every ballot wait for the one before it. Instead they
-- leave their entry here, in their own transaction (so the entry commits or rolls back with the change), and the
-- audit sequencer chains queued entries, oldest first, in short batches (AuditLog.chainQueued). Any entry appended
-- directly first chains whatever is queued, so the chain keeps the order in which actions were committed and
-- chained. Only notes and creations are queued (see AuditLog.noteQueued and recordCreationQueued): an entry
-- for a change to an existing row must be chained at once, as the verifier checks rows against their latest entry.
CREATE SEQUENCE audit_queue_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_queue (
    id              BIGINT PRIMARY KEY,
    recorded_at     VARCHAR(40)  NOT NULL,
    actor           VARCHAR(80)  NOT NULL,
    action          VARCHAR(80)  NOT NULL,
    entity_type     VARCHAR(60)  NOT NULL,
    entity_id       VARCHAR(80)  NOT NULL,
    after_digest    VARCHAR(64),
    detail          VARCHAR(4000)
);
