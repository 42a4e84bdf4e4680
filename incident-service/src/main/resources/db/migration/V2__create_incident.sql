CREATE TABLE incident (
    id                  uuid PRIMARY KEY,
    school_location_id  text NOT NULL REFERENCES school_location (id),
    district_id         text NOT NULL REFERENCES district (id),
    location_type       text NOT NULL,
    category            text NOT NULL,
    severity            text NOT NULL,
    description         text NOT NULL,
    occurred_at         timestamptz NOT NULL,
    reported_at         timestamptz NOT NULL,
    status              text NOT NULL,
    registered_by       text NOT NULL,
    version             bigint NOT NULL
);
CREATE INDEX incident_location_occurred ON incident (school_location_id, occurred_at DESC, id);

-- Involved persons: a student is stored only as a keyed pseudonym, never by identifier or name.
CREATE TABLE involved_person (
    incident_id         uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    position            integer NOT NULL,
    role                text NOT NULL,
    kind                text NOT NULL,
    pseudonym           text,
    school_location_id  text,
    PRIMARY KEY (incident_id, position)
);
CREATE INDEX involved_person_pseudonym ON involved_person (pseudonym) WHERE pseudonym IS NOT NULL;
