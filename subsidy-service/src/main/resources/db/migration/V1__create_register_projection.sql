-- What the subsidy-service knows of the register and of incidents, projected from their events.
CREATE TABLE location_seen (
    school_location_id  text PRIMARY KEY,
    name                text NOT NULL,
    board_id            text NOT NULL,
    sector              text NOT NULL,
    district            text NOT NULL,
    pupil_count         integer NOT NULL CHECK (pupil_count >= 0)
);
CREATE INDEX location_seen_board ON location_seen (board_id);

CREATE TABLE board_seen (
    board_id  text PRIMARY KEY,
    name      text NOT NULL
);

-- One row per incident (its latest version): the urgency round counts them per location and period.
CREATE TABLE incident_seen (
    incident_id         uuid PRIMARY KEY,
    school_location_id  text NOT NULL,
    category            text NOT NULL,
    occurred_at         timestamptz NOT NULL
);
CREATE INDEX incident_seen_location ON incident_seen (school_location_id, occurred_at);
