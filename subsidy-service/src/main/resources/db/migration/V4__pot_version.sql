-- A pot is an aggregate of its own (its exhaustion is a change of the pot), so it carries the version its changes check.
ALTER TABLE pot ADD COLUMN version bigint NOT NULL DEFAULT 0;
