-- Reference register (DESIGN §3): owned by this service, published on the compacted register topic.
CREATE TABLE district (
    id    text PRIMARY KEY,
    name  text NOT NULL UNIQUE
);

INSERT INTO district (id, name) VALUES
    ('centrum', 'Centrum'),
    ('delfshaven', 'Delfshaven'),
    ('feijenoord', 'Feijenoord'),
    ('charlois', 'Charlois'),
    ('ijsselmonde', 'IJsselmonde'),
    ('kralingen-crooswijk', 'Kralingen-Crooswijk'),
    ('noord', 'Noord'),
    ('prins-alexander', 'Prins Alexander'),
    ('hillegersberg-schiebroek', 'Hillegersberg-Schiebroek'),
    ('overschie', 'Overschie'),
    ('hoek-van-holland', 'Hoek van Holland'),
    ('hoogvliet', 'Hoogvliet'),
    ('pernis', 'Pernis'),
    ('rozenburg', 'Rozenburg');

CREATE TABLE board (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE school_location (
    id               text PRIMARY KEY,
    brin             text NOT NULL,
    location_number  text NOT NULL,
    name             text NOT NULL,
    board_id         text NOT NULL REFERENCES board (id),
    sector           text NOT NULL CHECK (sector IN ('VO', 'VSO', 'MBO', 'PO')),
    district_id      text NOT NULL REFERENCES district (id),
    pupil_count      integer NOT NULL CHECK (pupil_count >= 0),
    updated_at       timestamptz NOT NULL,
    UNIQUE (brin, location_number)
);
CREATE INDEX school_location_board ON school_location (board_id);
