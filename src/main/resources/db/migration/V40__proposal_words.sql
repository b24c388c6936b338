-- Residents' proposals at scale (issue 22): a search reads an index instead of every proposal's words. One row per
-- distinct word of a proposal's title and description (in search form, see proposal_stats.words), kept in the same
-- transaction as the proposal (written when it is made, removed when it is hidden). The word is stored as the
-- hexadecimal digits of its UTF-8 bytes, so that every database orders it byte by byte whatever its collation: the
-- words starting with a term are then one range of the primary key, [hex(term), hex(term) || 'g'), read through the
-- index with the same SQL on H2 and PostgreSQL. Derived, not audited: it can be rebuilt from the proposals at any time.

CREATE TABLE proposal_word (
    cycle_id     BIGINT        NOT NULL,
    word_key     VARCHAR(240)  NOT NULL,
    proposal_id  BIGINT        NOT NULL REFERENCES proposal (id),
    CONSTRAINT proposal_word_pk PRIMARY KEY (cycle_id, word_key, proposal_id)
);
CREATE INDEX proposal_word_proposal ON proposal_word (proposal_id);

-- Proposals made before this migration: their words are filled again by the application at start-up (it fills the
-- words of every row whose words are NULL, and now writes their word rows with them).
UPDATE proposal_stats SET words = NULL;
