-- Police involvement as council answer 49 describes it: consultation with the police or with enforcement (who,
-- when) before any outcome, and outcomes beyond filed / not filed: the school's report only, another route (kept
-- as data) or no action with a reason.
CREATE TABLE involvement_route (
    code    text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]{1,39}$'),
    name    text NOT NULL,
    active  boolean NOT NULL DEFAULT true
);
INSERT INTO involvement_route (code, name) VALUES
    ('HALT_REFERRAL', 'HALT referral (Bureau HALT)'),
    ('MEDIATION', 'Mediation (bemiddeling)'),
    ('RESTORATIVE_CONVERSATION', 'Restorative conversation (herstelgesprek)');

CREATE TABLE police_consultation (
    incident_id   uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    party         text NOT NULL CHECK (party IN ('POLICE', 'ENFORCEMENT')),
    contact       text NOT NULL,
    consulted_at  timestamptz NOT NULL,
    recorded_by   text NOT NULL,
    PRIMARY KEY (incident_id, position)
);

ALTER TABLE incident ADD COLUMN police_report_route text REFERENCES involvement_route (code);
ALTER TABLE police_report_step ADD COLUMN route text;

-- The old states, kept with their history: a police consultation step becomes the consultation it recorded (with
-- whom was not asked then), and "not filed" becomes "no action" with the reason it had.
INSERT INTO police_consultation (incident_id, position, party, contact, consulted_at, recorded_by)
SELECT incident_id, 0, 'POLICE', 'not recorded (before consultations were recorded)', taken_at, taken_by
FROM (
    SELECT incident_id, taken_at, taken_by,
           row_number() OVER (PARTITION BY incident_id ORDER BY position) AS nth
    FROM police_report_step
    WHERE status = 'POLICE_CONSULTED'
) first_consultation
WHERE nth = 1;
UPDATE police_report_step SET status = 'CONSULTED' WHERE status = 'POLICE_CONSULTED';
UPDATE police_report_step SET status = 'NO_ACTION' WHERE status = 'NOT_FILED';
UPDATE incident SET police_report_status = 'CONSULTED' WHERE police_report_status = 'POLICE_CONSULTED';
UPDATE incident SET police_report_status = 'NO_ACTION' WHERE police_report_status = 'NOT_FILED';
