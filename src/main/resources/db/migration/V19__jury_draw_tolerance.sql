-- The tolerance a leximin draw was computed to (NULL: the exact leximin, or not a leximin draw), published with the
-- draw so that a re-run with civicloop-tools.jar select passes the same --tolerance.

ALTER TABLE jury_draw ADD COLUMN tolerance VARCHAR(20);
