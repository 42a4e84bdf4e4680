-- Boards, partners and school locations are aggregates now: the version guards concurrent saves.
ALTER TABLE board ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE board ALTER COLUMN version DROP DEFAULT;
ALTER TABLE partner ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE partner ALTER COLUMN version DROP DEFAULT;
ALTER TABLE school_location ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE school_location ALTER COLUMN version DROP DEFAULT;
