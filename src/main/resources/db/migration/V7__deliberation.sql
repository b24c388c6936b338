-- Deliberation (issue 11): jury sessions with an agenda of typed rounds, tables and their outputs, live inputs from
-- jurors (poll answers, questions, raised hands), the same opinion statements and option ranking asked before and
-- after deliberation (stored against a pseudonymous participant id), and residents' structured discussion.
CREATE SEQUENCE deliberation_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE jury_session (
    id               BIGINT PRIMARY KEY,
    cycle_id         BIGINT       NOT NULL REFERENCES cycle (id),
    title            VARCHAR(200) NOT NULL,
    join_code        VARCHAR(12)  NOT NULL UNIQUE,
    screen_key       VARCHAR(40)  NOT NULL UNIQUE,
    status           VARCHAR(10)  NOT NULL,
    current_round_id BIGINT,
    created_at       TIMESTAMP    NOT NULL,
    created_by       VARCHAR(80)  NOT NULL,
    ended_at         TIMESTAMP
);
CREATE INDEX jury_session_cycle ON jury_session (cycle_id);

CREATE TABLE opinion_statement (
    id         BIGINT PRIMARY KEY,
    cycle_id   BIGINT       NOT NULL REFERENCES cycle (id),
    seq        INT          NOT NULL,
    wording    VARCHAR(500) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    created_by VARCHAR(80)  NOT NULL
);
CREATE INDEX opinion_statement_cycle ON opinion_statement (cycle_id);

CREATE TABLE session_round (
    id                BIGINT PRIMARY KEY,
    session_id        BIGINT        NOT NULL REFERENCES jury_session (id),
    seq               INT           NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    question          VARCHAR(2000),
    planned_minutes   INT           NOT NULL,
    stage             VARCHAR(10),
    statement_id      BIGINT REFERENCES opinion_statement (id),
    status            VARCHAR(10)   NOT NULL,
    started_at        TIMESTAMP,
    ends_at           TIMESTAMP,
    remaining_seconds INT,
    ended_at          TIMESTAMP
);
CREATE INDEX session_round_session ON session_round (session_id);

-- Who took part, under a random pseudonym: answers, questions and hands carry only the pseudonym.
CREATE TABLE deliberation_participant (
    id         BIGINT PRIMARY KEY,
    cycle_id   BIGINT      NOT NULL REFERENCES cycle (id),
    account_id BIGINT      NOT NULL REFERENCES account (id),
    pseudonym  VARCHAR(24) NOT NULL UNIQUE,
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT participant_once UNIQUE (cycle_id, account_id)
);

CREATE TABLE opinion_answer (
    id          BIGINT PRIMARY KEY,
    cycle_id    BIGINT      NOT NULL REFERENCES cycle (id),
    panel       VARCHAR(10) NOT NULL,
    stage       VARCHAR(10) NOT NULL,
    pseudonym   VARCHAR(24) NOT NULL,
    item_key    VARCHAR(60) NOT NULL,
    score       INT         NOT NULL,
    answered_at TIMESTAMP   NOT NULL,
    CONSTRAINT opinion_answer_once UNIQUE (cycle_id, panel, stage, pseudonym, item_key)
);
CREATE INDEX opinion_answer_item ON opinion_answer (cycle_id, panel, stage, item_key);

CREATE TABLE session_question (
    id         BIGINT PRIMARY KEY,
    session_id BIGINT        NOT NULL REFERENCES jury_session (id),
    round_id   BIGINT REFERENCES session_round (id),
    pseudonym  VARCHAR(24)   NOT NULL,
    body       VARCHAR(500)  NOT NULL,
    status     VARCHAR(10)   NOT NULL,
    asked_at   TIMESTAMP     NOT NULL,
    decided_at TIMESTAMP
);
CREATE INDEX session_question_session ON session_question (session_id);

CREATE TABLE session_hand (
    id         BIGINT PRIMARY KEY,
    session_id BIGINT      NOT NULL REFERENCES jury_session (id),
    pseudonym  VARCHAR(24) NOT NULL,
    raised_at  TIMESTAMP   NOT NULL,
    lowered_at TIMESTAMP
);
CREATE INDEX session_hand_session ON session_hand (session_id);

CREATE TABLE table_seat (
    id           BIGINT PRIMARY KEY,
    round_id     BIGINT NOT NULL REFERENCES session_round (id),
    table_no     INT    NOT NULL,
    volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
    CONSTRAINT table_seat_once UNIQUE (round_id, volunteer_id)
);

CREATE TABLE table_output (
    id            BIGINT PRIMARY KEY,
    round_id      BIGINT        NOT NULL REFERENCES session_round (id),
    table_no      INT           NOT NULL,
    key_points    VARCHAR(4000) NOT NULL,
    agreements    VARCHAR(4000),
    disagreements VARCHAR(4000),
    recorded_at   TIMESTAMP     NOT NULL,
    recorded_by   VARCHAR(80)   NOT NULL,
    CONSTRAINT table_output_once UNIQUE (round_id, table_no)
);

-- Notes now belong to a round; a minority position says how many hold it (the body says why).
ALTER TABLE deliberation_note ADD COLUMN round_id BIGINT REFERENCES session_round (id);
ALTER TABLE deliberation_note ADD COLUMN holders INT;

-- Residents' asynchronous discussion: arguments for and against each option, replies, moderation with reasons.
CREATE TABLE discussion_post (
    id                BIGINT PRIMARY KEY,
    cycle_id          BIGINT        NOT NULL REFERENCES cycle (id),
    option_code       VARCHAR(20)   NOT NULL,
    stance            VARCHAR(10)   NOT NULL,
    parent_id         BIGINT REFERENCES discussion_post (id),
    author            VARCHAR(80)   NOT NULL,
    body              VARCHAR(2000) NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    hidden            BOOLEAN       DEFAULT FALSE NOT NULL,
    moderation_reason VARCHAR(500),
    moderated_by      VARCHAR(80),
    moderated_at      TIMESTAMP
);
CREATE INDEX discussion_post_cycle ON discussion_post (cycle_id, option_code);
