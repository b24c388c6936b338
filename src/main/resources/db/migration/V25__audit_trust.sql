-- Issue 18 (audit log half): the server's audit keys, signed checkpoints of the chain's head, and the first entry
-- written with residents as keyed pseudonyms.

-- Keys generated once and shared by every server on this database (unless set in the configuration):
-- 'checkpoint-ed25519' (secret: PKCS#8 private key, public_part: X.509 public key, both base64) and
-- 'resident-pseudonym' (secret: HMAC-SHA256 key, base64). Never published.
CREATE TABLE audit_key (
    name         VARCHAR(40)   PRIMARY KEY,
    secret       VARCHAR(400)  NOT NULL,
    public_part  VARCHAR(400),
    created_at   VARCHAR(40)   NOT NULL
);

-- Signed checkpoints: the chain's size (last seq) and head hash, signed by the server (docs/audit.md).
CREATE TABLE audit_checkpoint (
    tree_size    BIGINT        PRIMARY KEY,
    head_hash    VARCHAR(64)   NOT NULL,
    signed_at    VARCHAR(40)   NOT NULL,
    reason       VARCHAR(80)   NOT NULL,
    note         VARCHAR(2000) NOT NULL
);

-- Entries from this seq on chain residents as keyed pseudonyms; older ones keep their meaning (their resident
-- entries are published with their content withheld, see docs/audit.md).
CREATE TABLE audit_format (
    id               INTEGER PRIMARY KEY,
    pseudonyms_from  BIGINT  NOT NULL
);
INSERT INTO audit_format (id, pseudonyms_from) SELECT 1, seq + 1 FROM audit_head WHERE id = 1;
