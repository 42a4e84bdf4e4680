-- The boards' answers to an urgency round's joint list: the municipality confirms only a list every board agreed to.
CREATE TABLE allocation_agreement (
    allocation_id uuid NOT NULL REFERENCES allocation (id),
    position integer NOT NULL,
    board_id text NOT NULL,
    agreed boolean NOT NULL,
    reason text,
    answered_by text NOT NULL,
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (allocation_id, position)
);
