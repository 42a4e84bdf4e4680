-- The register can retire a partner entered by mistake; a retired partner can no longer be engaged.
ALTER TABLE partner_seen ADD COLUMN retired boolean NOT NULL DEFAULT false;
