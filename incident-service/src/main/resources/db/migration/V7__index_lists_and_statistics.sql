-- Issue #22: lists and statistics that an index serves however many years of incidents there are.

-- The owner's list, newest first, and its cursor (occurred_at, id) < (…): both columns in one direction, so a
-- backward scan gives the order and the row-value comparison bounds it.
DROP INDEX incident_location_occurred;
CREATE INDEX incident_location_occurred ON incident (school_location_id, occurred_at, id);

-- The municipality's statistics count a year's range from the index alone (an index-only scan).
DROP INDEX incident_statistics;
CREATE INDEX incident_statistics ON incident (occurred_at)
    INCLUDE (status, district_id, sector, category, police_report_status);
