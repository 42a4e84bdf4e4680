-- What an application and its decision rest on: the intervention as the catalog described it at submission, the
-- officer's exception for a location outside the urgency round's agreed list, and for extra security the location's
-- incident trend at decision time.
ALTER TABLE application
    ADD COLUMN intervention_id           uuid,
    ADD COLUMN intervention_code         text,
    ADD COLUMN evidence_level            text,
    ADD COLUMN exception_reason          text,
    ADD COLUMN trend_recent_incidents    integer CHECK (trend_recent_incidents >= 0),
    ADD COLUMN trend_previous_incidents  integer CHECK (trend_previous_incidents >= 0),
    ADD COLUMN trend_window_days         integer CHECK (trend_window_days > 0),
    ADD COLUMN trend_measured_at         timestamptz,
    ADD CONSTRAINT application_intervention_whole
        CHECK ((intervention_id IS NULL) = (intervention_code IS NULL) AND (intervention_id IS NULL) = (evidence_level IS NULL)),
    ADD CONSTRAINT application_trend_whole
        CHECK ((trend_measured_at IS NULL) = (trend_recent_incidents IS NULL)
           AND (trend_measured_at IS NULL) = (trend_previous_incidents IS NULL)
           AND (trend_measured_at IS NULL) = (trend_window_days IS NULL));
