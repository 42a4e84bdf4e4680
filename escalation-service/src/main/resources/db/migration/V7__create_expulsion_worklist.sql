-- The municipality's expulsion worklist (council answer 26), learnt from the schools' expulsion events:
-- pseudonyms, dates and yes/no only.
CREATE TABLE expulsion_follow_up (
    measure_id uuid PRIMARY KEY,
    incident_id uuid NOT NULL,
    school_location_id text NOT NULL,
    district text,
    pseudonym text NOT NULL,
    start_date date NOT NULL,
    decided_at timestamptz NOT NULL,
    parents_heard_at timestamptz,
    right_to_object_informed_at timestamptz,
    objection_lodged_on date,
    interim_education_arranged boolean NOT NULL DEFAULT false,
    new_school_found_on date,
    status text NOT NULL,
    parents_fully_informed boolean,
    school_reminded_of_duty_of_care boolean,
    parents_spoken_to_on date,
    checked_by text,
    checked_at timestamptz,
    version bigint NOT NULL DEFAULT 0
);
CREATE INDEX expulsion_follow_up_newest ON expulsion_follow_up (decided_at DESC, measure_id DESC);
CREATE INDEX expulsion_follow_up_location ON expulsion_follow_up (school_location_id, decided_at);

-- A location that reached the threshold of expulsions within the window.
CREATE TABLE expulsion_signal (
    id uuid PRIMARY KEY,
    school_location_id text NOT NULL,
    district text,
    expulsions integer NOT NULL,
    window_days integer NOT NULL,
    raised_at timestamptz NOT NULL
);
CREATE INDEX expulsion_signal_location ON expulsion_signal (school_location_id, raised_at);
CREATE INDEX expulsion_signal_newest ON expulsion_signal (raised_at DESC, id DESC);
