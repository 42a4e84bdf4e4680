-- Expert sessions (expertsessies, measures 12 and 13) and their registrations (aanmeldingen).
CREATE TABLE expert_session (
    id                     uuid PRIMARY KEY,
    kind                   text NOT NULL,
    title                  text NOT NULL,
    description            text,
    organiser              text NOT NULL,
    starts_at              timestamptz NOT NULL,
    ends_at                timestamptz NOT NULL,
    place                  text,
    online_link            text,
    capacity               integer NOT NULL CHECK (capacity > 0),
    -- Kept by the trigger below from the registrations themselves, never by the application:
    -- whatever writes registrations, and however many at once, cannot confirm more than capacity.
    confirmed_seats        integer NOT NULL DEFAULT 0,
    audiences              text[] NOT NULL CHECK (cardinality(audiences) > 0),
    registration_deadline  timestamptz NOT NULL,
    status                 text NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    scheduled_by           text NOT NULL,
    version                bigint NOT NULL DEFAULT 0,
    CONSTRAINT expert_session_never_overbooked CHECK (confirmed_seats >= 0 AND confirmed_seats <= capacity),
    CONSTRAINT expert_session_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT expert_session_deadline_before_start CHECK (registration_deadline <= starts_at),
    CONSTRAINT expert_session_has_a_place CHECK (place IS NOT NULL OR online_link IS NOT NULL)
);
CREATE INDEX expert_session_starts ON expert_session (starts_at, id);

CREATE TABLE session_registration (
    id                  uuid PRIMARY KEY,
    session_id          uuid NOT NULL REFERENCES expert_session (id),
    registrant          text NOT NULL,
    school_location_id  text NOT NULL,
    status              text NOT NULL CHECK (status IN ('CONFIRMED', 'WAITING', 'CANCELLED')),
    -- Order on the waiting list: lower goes first; only waiting registrations have one.
    queue_key           bigint,
    registered_at       timestamptz NOT NULL,
    confirmed_at        timestamptz,
    cancelled_at        timestamptz,
    CONSTRAINT session_registration_queue_only_when_waiting CHECK ((status = 'WAITING') = (queue_key IS NOT NULL))
);
-- One person, one live registration per session (a cancelled one may be followed by a new one).
CREATE UNIQUE INDEX session_registration_one_per_person ON session_registration (session_id, registrant)
    WHERE status <> 'CANCELLED';
CREATE INDEX session_registration_queue ON session_registration (session_id, status, queue_key);

CREATE FUNCTION count_confirmed_seats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'CONFIRMED' THEN
        UPDATE expert_session SET confirmed_seats = confirmed_seats - 1 WHERE id = OLD.session_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'CONFIRMED' THEN
        UPDATE expert_session SET confirmed_seats = confirmed_seats + 1 WHERE id = NEW.session_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_registration_seats AFTER INSERT OR UPDATE OF status OR DELETE ON session_registration
    FOR EACH ROW EXECUTE FUNCTION count_confirmed_seats();
