-- School locations from the register topic: which board a location belongs to.
CREATE TABLE school_location_seen (
    school_location_id  text PRIMARY KEY,
    board_id            text NOT NULL,
    sector              text,
    district            text
);

-- The incidents this service has counted (no persons, no text), so an update moves its count
-- instead of adding a second one.
CREATE TABLE incident_seen (
    incident_id         uuid PRIMARY KEY,
    school_location_id  text NOT NULL,
    category            text NOT NULL,
    month               date NOT NULL CHECK (extract(day FROM month) = 1)
);

-- Incident trend: counts per school location, category and month (Europe/Amsterdam).
CREATE TABLE incident_month_count (
    school_location_id  text NOT NULL,
    category            text NOT NULL,
    month               date NOT NULL CHECK (extract(day FROM month) = 1),
    incidents           integer NOT NULL CHECK (incidents >= 0),
    PRIMARY KEY (school_location_id, category, month)
);

-- Recommendation rules as data. A rule fires for a location when, over its categories, the recent
-- window counts at least minimum_recent incidents AND its monthly rate is at least rise_factor
-- times the monthly rate of the window before it.
CREATE TABLE recommendation_rule (
    id               text PRIMARY KEY,
    description      text NOT NULL,
    categories       text[] NOT NULL CHECK (cardinality(categories) > 0),
    recent_months    integer NOT NULL CHECK (recent_months BETWEEN 1 AND 12),
    previous_months  integer NOT NULL CHECK (previous_months BETWEEN 1 AND 24),
    minimum_recent   integer NOT NULL CHECK (minimum_recent >= 1),
    rise_factor      numeric(4, 2) NOT NULL CHECK (rise_factor >= 1),
    offering_codes   text[] NOT NULL CHECK (cardinality(offering_codes) > 0)
);

INSERT INTO recommendation_rule VALUES
('RISING_AGGRESSION', 'Agressie neemt toe: fysiek geweld, bedreiging en agressie tegen personeel samen',
 '{PHYSICAL_VIOLENCE,THREAT,AGGRESSION_AGAINST_STAFF}', 3, 6, 3, 1.50, '{halt-training,urban-skillz,voion-sociale-veiligheid}'),
('SEXUAL_MISCONDUCT', 'Seksueel grensoverschrijdend gedrag gemeld, minstens zo vaak als in de periode ervoor',
 '{SEXUAL_MISCONDUCT}', 3, 6, 1, 1.00, '{expertsessie-seksuele-weerbaarheid,fier-chat,pshi}'),
('RISING_DRUGS', 'Drugsincidenten nemen toe',
 '{DRUGS}', 3, 6, 2, 1.50, '{drugs-en-alcohol,kennissessies-stadsmarinier}'),
('WEAPONS', 'Wapens gezien of gevonden, minstens zo vaak als in de periode ervoor',
 '{WEAPON}', 3, 6, 1, 1.00, '{politie-op-school,kennissessies-stadsmarinier,halt-training}'),
('RADICALISATION', 'Signalen van radicalisering, minstens zo vaak als in de periode ervoor',
 '{RADICALISATION}', 3, 6, 1, 1.00, '{rotterdamse-aanpak-radicalisering,lespakket-vrijheden}'),
('RISING_BULLYING', 'Pesten neemt toe',
 '{BULLYING}', 3, 6, 3, 1.50, '{school-en-veiligheid,halt-training}'),
('RISING_DISCRIMINATION', 'Discriminatie neemt toe',
 '{DISCRIMINATION}', 3, 6, 2, 1.50, '{integratie-en-samenleven,lespakket-vrijheden}');
