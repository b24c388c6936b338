-- The jury count's score of a recommended option, kept as a figure so that its support line is written in the
-- reader's language (the stored support text stays for rows from before, and for jury recommendations).
ALTER TABLE recommendation ADD COLUMN jury_score VARCHAR(40);
