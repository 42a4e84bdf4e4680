CREATE TABLE escalation_case (
    id               uuid PRIMARY KEY,
    district_id      text NOT NULL,
    status           text NOT NULL,
    priority         text NOT NULL,
    opened_at        timestamptz NOT NULL,
    response_due_at  timestamptz NOT NULL,
    version          bigint NOT NULL
);
CREATE INDEX escalation_case_district_status ON escalation_case (district_id, status, opened_at);

-- An incident belongs to at most one case.
CREATE TABLE case_incident (
    incident_id         uuid PRIMARY KEY,
    case_id             uuid NOT NULL REFERENCES escalation_case (id),
    school_location_id  text NOT NULL,
    category            text NOT NULL,
    severity            text NOT NULL,
    occurred_at         timestamptz NOT NULL,
    linked_at           timestamptz NOT NULL
);
CREATE INDEX case_incident_case ON case_incident (case_id);

-- Why a case opened or grew: each detection rule that fired, for the expert to see.
CREATE TABLE rule_firing (
    case_id      uuid NOT NULL REFERENCES escalation_case (id),
    incident_id  uuid NOT NULL,
    rule         text NOT NULL,
    explanation  text NOT NULL,
    fired_at     timestamptz NOT NULL,
    PRIMARY KEY (case_id, incident_id, rule)
);
