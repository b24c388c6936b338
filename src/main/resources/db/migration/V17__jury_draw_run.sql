-- The status of a cycle's latest jury draw, shared by every server (docs/jury.md, "The draw runs off the request"):
-- RUNNING with its progress, DONE with how many were drawn, or FAILED with the refusal's message key and arguments.
-- The server running a draw (node) refreshes heartbeat_at; a RUNNING draw whose server stopped refreshing it, or was
-- restarted, is reported FAILED ("interrupted, start again").
CREATE SEQUENCE jury_draw_run_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE jury_draw_run (
    id                  BIGINT PRIMARY KEY,
    cycle_id            BIGINT         NOT NULL REFERENCES cycle (id),
    state               VARCHAR(20)    NOT NULL,
    progress            VARCHAR(500),
    started_at          TIMESTAMP      NOT NULL,
    finished_at         TIMESTAMP,
    refusal             VARCHAR(200),
    refusal_args        VARCHAR(4000),
    drawn               INTEGER        DEFAULT 0 NOT NULL,
    node                VARCHAR(500)   NOT NULL,
    heartbeat_at        TIMESTAMP      NOT NULL,
    CONSTRAINT jury_draw_run_cycle_uk UNIQUE (cycle_id)
);
