-- The incident-service's police involvement now names its states as council answer 49 does (its V9): the
-- projection follows, so a replayed or newer event and a stored one say the same.
UPDATE incident_seen SET police_report_status = 'CONSULTED' WHERE police_report_status = 'POLICE_CONSULTED';
UPDATE incident_seen SET police_report_status = 'NO_ACTION' WHERE police_report_status = 'NOT_FILED';
