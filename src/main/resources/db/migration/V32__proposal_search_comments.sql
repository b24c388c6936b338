-- Residents' proposals at scale (issue 22): a derived row per proposal kept in the same transaction as every change
-- that affects it, so that listing, searching, filtering by district and sorting by supports read one indexed table
-- instead of counting supports per request. Not audited: every value can be recomputed from the audited rows
-- (supports from proposal_support and proposal.merged_into, words from the proposal's title and description).

CREATE TABLE proposal_stats (
    id          BIGINT        PRIMARY KEY REFERENCES proposal (id),
    cycle_id    BIGINT        NOT NULL,
    district    VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    -- distinct accounts actively supporting the proposal or any proposal merged into it
    supports    INTEGER       DEFAULT 0 NOT NULL,
    -- the title and description lower-cased, without accents, punctuation as spaces, between single spaces
    -- (" parque infantil en la ribera "): a search term matches the start of a word. NULL: to be filled at start-up.
    words       VARCHAR(5000)
);
CREATE INDEX proposal_stats_supports ON proposal_stats (cycle_id, supports DESC, id);
CREATE INDEX proposal_stats_newest ON proposal_stats (cycle_id, created_at DESC, id DESC);
CREATE INDEX proposal_stats_district ON proposal_stats (cycle_id, district, supports DESC, id);
CREATE INDEX proposal_support_proposal ON proposal_support (proposal_id, withdrawn_at);

-- Proposals made before this migration: their counts now (words are filled by the application at start-up).
INSERT INTO proposal_stats (id, cycle_id, district, created_at, supports, words)
SELECT p.id, p.cycle_id, p.district, p.created_at,
       (SELECT COUNT(DISTINCT s.account) FROM proposal_support s JOIN proposal q ON q.id = s.proposal_id
         WHERE s.withdrawn_at IS NULL AND (q.id = p.id OR q.merged_into = p.id)),
       NULL
  FROM proposal p;

-- Residents' comments on proposals. Nothing is deleted: a moderator hides a comment with a public reason, shown in
-- its place ("hidden by the council: <reason>"). Rows that name an account carry a random salt (see V30).
CREATE TABLE proposal_comment (
    id             BIGINT        PRIMARY KEY,
    proposal_id    BIGINT        NOT NULL REFERENCES proposal (id),
    author         VARCHAR(80)   NOT NULL,
    body           VARCHAR(2000) NOT NULL,
    salt           VARCHAR(32)   NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    hidden         BOOLEAN       DEFAULT FALSE NOT NULL,
    hidden_reason  VARCHAR(500),
    hidden_by      VARCHAR(80),
    hidden_at      TIMESTAMP
);
CREATE INDEX proposal_comment_proposal ON proposal_comment (proposal_id, created_at);

CREATE TABLE proposal_comment_report (
    id           BIGINT       PRIMARY KEY,
    comment_id   BIGINT       NOT NULL REFERENCES proposal_comment (id),
    reporter     VARCHAR(80)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    salt         VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    CONSTRAINT proposal_comment_report_once UNIQUE (comment_id, reporter)
);
