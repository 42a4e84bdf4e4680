-- Applications (aanvragen) of boards for a location: requested -> granted -> settled, or rejected.
CREATE TABLE application (
    id                      uuid PRIMARY KEY,
    programme_id            uuid NOT NULL REFERENCES programme (id),
    pot_id                  uuid NOT NULL REFERENCES pot (id),
    board_id                text NOT NULL,
    school_location_id      text NOT NULL,
    theme                   text NOT NULL,
    category                text NOT NULL,
    requested_cents         bigint NOT NULL CHECK (requested_cents > 0),
    plan                    text NOT NULL,
    status                  text NOT NULL,
    submitted_by            text NOT NULL,
    submitted_at            timestamptz NOT NULL,
    proposed_cents          bigint,
    proposed_by             text,
    granted_cents           bigint CHECK (granted_cents > 0),
    decision_reason         text,
    decided_by              text,
    second_approver         text,
    decided_at              timestamptz,
    settled_cents           bigint CHECK (settled_cents >= 0),
    settled_at              timestamptz,
    version                 bigint NOT NULL DEFAULT 0,
    CHECK (granted_cents IS NULL OR granted_cents <= requested_cents),
    CHECK (settled_cents IS NULL OR settled_cents <= granted_cents),
    CHECK (second_approver IS NULL OR second_approver <> decided_by)
);
CREATE INDEX application_board ON application (board_id, submitted_at DESC);
CREATE INDEX application_programme ON application (programme_id, status);

-- An allocation proposal (urgency round or formula), with every input so anyone can recompute it.
CREATE TABLE allocation (
    id              uuid PRIMARY KEY,
    programme_id    uuid NOT NULL REFERENCES programme (id),
    pot_id          uuid NOT NULL REFERENCES pot (id),
    method          text NOT NULL,
    status          text NOT NULL,
    formula         text NOT NULL,
    parameters      jsonb NOT NULL,
    computed_at     timestamptz,
    confirmed_by    text,
    confirmed_at    timestamptz,
    version         bigint NOT NULL DEFAULT 0
);

CREATE TABLE allocation_ranking (
    allocation_id       uuid NOT NULL REFERENCES allocation (id),
    board_id            text NOT NULL,
    school_location_id  text NOT NULL,
    rank                integer NOT NULL CHECK (rank > 0),
    submitted_by        text NOT NULL,
    PRIMARY KEY (allocation_id, school_location_id),
    UNIQUE (allocation_id, board_id, rank)
);

CREATE TABLE allocation_line (
    allocation_id       uuid NOT NULL REFERENCES allocation (id),
    school_location_id  text NOT NULL,
    board_id            text NOT NULL,
    inputs              jsonb NOT NULL,
    score               numeric NOT NULL,
    proposed_cents      bigint NOT NULL CHECK (proposed_cents >= 0),
    confirmed_cents     bigint CHECK (confirmed_cents >= 0),
    reserved_left_cents bigint NOT NULL DEFAULT 0 CHECK (reserved_left_cents >= 0),
    PRIMARY KEY (allocation_id, school_location_id)
);
