-- Special primary education (so) joins the register: the quality budget's formula serves po, so, vso and vo.
ALTER TABLE school_location DROP CONSTRAINT school_location_sector_check;
ALTER TABLE school_location ADD CONSTRAINT school_location_sector_check CHECK (sector IN ('VO', 'VSO', 'MBO', 'PO', 'SO'));
