-- What this service knows of incidents: only the shareable facts from incident events.
CREATE TABLE incident_seen (
    incident_id           uuid PRIMARY KEY,
    school_location_id    text NOT NULL,
    district_id           text NOT NULL,
    location_type         text NOT NULL,
    category              text NOT NULL,
    severity              text NOT NULL,
    status                text NOT NULL,
    police_report_status  text NOT NULL,
    occurred_at           timestamptz NOT NULL
);
CREATE INDEX incident_seen_district ON incident_seen (district_id, occurred_at);

CREATE TABLE incident_person_seen (
    incident_id         uuid NOT NULL REFERENCES incident_seen (incident_id) ON DELETE CASCADE,
    position            integer NOT NULL,
    pseudonym           text,
    role                text NOT NULL,
    kind                text NOT NULL,
    school_location_id  text,
    minor               boolean NOT NULL,
    PRIMARY KEY (incident_id, position)
);
CREATE INDEX incident_person_seen_pseudonym ON incident_person_seen (pseudonym) WHERE pseudonym IS NOT NULL;

-- Expulsions the incident-service announced (pseudonym only), for the recipients the sharing matrix allows.
CREATE TABLE expulsion_seen (
    measure_id   uuid PRIMARY KEY,
    incident_id  uuid NOT NULL,
    pseudonym    text NOT NULL,
    start_date   date NOT NULL
);
CREATE INDEX expulsion_seen_incident ON expulsion_seen (incident_id);

-- Partner organisations from the register topic.
CREATE TABLE partner_seen (
    partner_id  text PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL
);

ALTER TABLE escalation_case
    ADD COLUMN overdue boolean NOT NULL DEFAULT false,
    ADD COLUMN outcome text,
    ADD COLUMN acknowledged_by text,
    ADD COLUMN acknowledged_at timestamptz;

-- The case's chronology: every step, decision and escalation, in order.
CREATE TABLE case_entry (
    case_id      uuid NOT NULL REFERENCES escalation_case (id),
    position     integer NOT NULL,
    recorded_at  timestamptz NOT NULL,
    actor        text NOT NULL,
    kind         text NOT NULL,
    text         text,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE engagement (
    id                  uuid PRIMARY KEY,
    case_id             uuid NOT NULL REFERENCES escalation_case (id),
    partner_id          text NOT NULL,
    partner_kind        text NOT NULL,
    purpose             text NOT NULL,
    status              text NOT NULL,
    requested_at        timestamptz NOT NULL,
    acknowledge_within_seconds bigint NOT NULL CHECK (acknowledge_within_seconds > 0),
    acknowledge_due_at  timestamptz NOT NULL,
    escalation_level    integer NOT NULL DEFAULT 0,
    accepted_at         timestamptz,
    completed_at        timestamptz,
    outcome             text,
    version             bigint NOT NULL
);
CREATE INDEX engagement_case ON engagement (case_id);
CREATE INDEX engagement_partner ON engagement (partner_id, status);
CREATE INDEX engagement_unaccepted ON engagement (acknowledge_due_at) WHERE status = 'REQUESTED';
