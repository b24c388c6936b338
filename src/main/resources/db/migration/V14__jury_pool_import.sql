-- Recruit: pools imported by officers (people without an account), the household rule, and personal data kept apart
-- from the volunteer row so that the retention rule can delete it while the pseudonymous volunteer, their category
-- answers and the draw stay (docs/jury.md, "Personal data and retention").

-- Imported people have no account.
ALTER TABLE volunteer ALTER COLUMN account_id DROP NOT NULL;

-- Per cycle: at most one person per address (on unless an officer turns it off), the imported file's header in
-- order, its id column and the columns that form the address.
CREATE TABLE jury_setting (
    id                  BIGINT PRIMARY KEY,
    cycle_id            BIGINT         NOT NULL REFERENCES cycle (id),
    one_per_household   BOOLEAN        DEFAULT TRUE NOT NULL,
    pool_header         VARCHAR(20000),
    id_column           VARCHAR(200),
    address_columns     VARCHAR(2000),
    CONSTRAINT jury_setting_cycle_uk UNIQUE (cycle_id)
);

-- Personal data of a volunteer (officers only): the imported row exactly as it came (CSV-encoded cells, in the
-- header's order), the id it had in the file, a self-registered volunteer's address answer, and the normalised
-- household key the rule compares. After retention only a household pseudonym is left here.
CREATE TABLE volunteer_personal (
    id                  BIGINT PRIMARY KEY,
    volunteer_id        BIGINT         NOT NULL REFERENCES volunteer (id),
    cycle_id            BIGINT         NOT NULL REFERENCES cycle (id),
    external_id         VARCHAR(200),
    source_row          VARCHAR(20000),
    address             VARCHAR(500),
    household_key       VARCHAR(2000),
    CONSTRAINT volunteer_personal_uk UNIQUE (volunteer_id),
    CONSTRAINT volunteer_personal_external_uk UNIQUE (cycle_id, external_id)
);
