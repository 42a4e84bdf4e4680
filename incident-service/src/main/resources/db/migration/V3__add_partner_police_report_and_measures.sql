-- Partner organisations of the register (police, ZVHRR, youth work, HALT, PSHi, youth enforcers).
CREATE TABLE partner (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL,
    updated_at  timestamptz NOT NULL
);

ALTER TABLE incident
    ADD COLUMN sector text NOT NULL DEFAULT 'VO',
    ADD COLUMN police_report_status text NOT NULL DEFAULT 'NONE',
    ADD COLUMN police_report_reason text,
    ADD COLUMN closed_reason text;
ALTER TABLE incident ALTER COLUMN sector DROP DEFAULT;
CREATE INDEX incident_statistics ON incident (occurred_at, district_id, sector, category);

ALTER TABLE involved_person ADD COLUMN minor boolean NOT NULL DEFAULT false;

-- Each step of the police-report decision: who took it, when, and why.
CREATE TABLE police_report_step (
    incident_id  uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    status       text NOT NULL,
    taken_at     timestamptz NOT NULL,
    taken_by     text NOT NULL,
    reason       text,
    PRIMARY KEY (incident_id, position)
);

-- Parents or guardians consulted before a police report concerning a minor.
CREATE TABLE parent_consultation (
    incident_id      uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    person_index     integer NOT NULL,
    guardian         text NOT NULL,
    consulted_at     timestamptz NOT NULL,
    recorded_by      text NOT NULL,
    PRIMARY KEY (incident_id, position)
);

-- Suspensions and expulsions with the Inspectorate notification duty and, for expulsions, the duty of care.
CREATE TABLE follow_up_measure (
    id                      uuid PRIMARY KEY,
    incident_id             uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    type                    text NOT NULL CHECK (type IN ('SUSPENSION', 'EXPULSION')),
    person_index            integer NOT NULL,
    pseudonym               text NOT NULL,
    start_date              date NOT NULL,
    end_date                date,
    parents_heard_at        timestamptz,
    decided_by              text NOT NULL,
    decided_at              timestamptz NOT NULL,
    notification_required   boolean NOT NULL,
    notification_due        date,
    notified_at             timestamptz,
    interim_education       text,
    new_school_found_on     date,
    CHECK (type <> 'SUSPENSION' OR (end_date IS NOT NULL AND end_date >= start_date AND end_date - start_date <= 6)),
    CHECK (type <> 'EXPULSION' OR parents_heard_at IS NOT NULL)
);
CREATE INDEX follow_up_measure_incident ON follow_up_measure (incident_id);
