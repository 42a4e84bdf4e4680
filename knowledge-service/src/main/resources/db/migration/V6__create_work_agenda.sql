-- The action plan's work agenda (werkagenda): its 15 measures and, per measure and school year, a
-- status and progress notes the municipality keeps, for the yearly covenant monitoring (council answer 8).
CREATE TABLE agenda_measure (
    number          integer PRIMARY KEY CHECK (number BETWEEN 1 AND 15),
    title           text NOT NULL,
    category        integer NOT NULL CHECK (category BETWEEN 1 AND 3),
    sectors         text[] NOT NULL,
    goal            text NOT NULL,
    plan_table_row  text NOT NULL,
    note            text
);

CREATE TABLE agenda_entry (
    id              bigserial PRIMARY KEY,
    measure_number  integer NOT NULL REFERENCES agenda_measure (number),
    school_year     text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'
                        AND substr(school_year, 6, 4)::integer = substr(school_year, 1, 4)::integer + 1),
    status          text NOT NULL CHECK (status IN ('PLANNED', 'RUNNING', 'COMPLETED', 'POSTPONED', 'STOPPED')),
    progress_notes  text,
    note            text,
    updated_by      text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 0,
    UNIQUE (measure_number, school_year)
);
CREATE INDEX agenda_entry_year ON agenda_entry (school_year, measure_number);

INSERT INTO agenda_measure VALUES
(1, 'Schouw rond onderwijslocaties', 1, '{VO,VSO,MBO}', 'Bepalen wat in de omgeving van de locaties nodig is, zodat leerlingen en personeel zich veilig voelen.', '1 Schouw', NULL),
(2, 'Convenant beveiliging en politie-inzet', 1, '{VO,VSO,MBO}', 'Efficiënte inzet van veiligheidspartners.', '2 convenant', NULL),
(3, 'Experts wijkveiligheid bij schooloverstijgende incidenten', 1, '{VO,VSO,MBO}', 'Scholen kunnen bij schooloverstijgende incidenten veiligheidspartners inschakelen (en de partners hen).', '3 onderwijs/dv',
 'Het tabellabel "onderwijs/dv" is in de bron niet uitgelegd; gelezen als maatregel 3 (experts wijkveiligheid, directie veiligheid).'),
(4, 'Gegevensuitwisseling school en veiligheidspartners', 1, '{VO,VSO,MBO}', 'Scholen en partners weten welke informatie wel en niet gedeeld kan worden.', '4 gegevensuitwisseling',
 'De bron heeft twee kruisjes zonder zichtbare kolom; gelezen als de laatste twee schooljaren (rechts uitgelijnd). De maatregeltekst noemt eind 2020 als streefdatum, wat ook 2020-2021 zou kunnen betekenen.'),
(5, 'Pilots ZVHRR met vo en mbo', 1, '{VO,VSO,MBO}', 'Scholen volwaardig partner maken van het ZVHRR wanneer het om hun leerlingen gaat.', '5 pilots ZVHRR',
 'De bron heeft twee kruisjes zonder zichtbare kolom; gelezen als de laatste twee schooljaren. De maatregeltekst laat de pilots in 2021 starten (schooljaar 2020-2021 of 2021-2022).'),
(6, 'Veilig Op School (VOS)', 2, '{VO,VSO,MBO}', 'Scholen halen en behouden hun VOS-certificaat.', '6 VOS',
 'De bron heeft drie kruisjes en een lege laatste kolom; gelezen als de eerste drie schooljaren.'),
(7, 'PSHi bij ingrijpende gebeurtenissen', 2, '{VO,VSO,MBO}', 'School ondersteunen en maatschappelijke onrust voorkomen of indammen.', '7 PSHI', NULL),
(8, 'Overzicht aanbod sociale veiligheid op onderwijs010', 2, '{VO,VSO,MBO}', 'Scholen vinden eenvoudig het gemeentelijke en landelijke aanbod op het gebied van sociale veiligheid.', '8 Overzicht onderwijs010',
 'Drie kruisjes na een lege eerste kolom; past bij de start per 1-1-2021 (schooljaar 2020-2021).'),
(9, 'Meer meldingen en aangiftes', 2, '{VO,VSO,MBO}', 'Komen tot meer meldingen en aangiftes, in samenspraak met de politie.', '9 Meer aangiftes/meldingen', NULL),
(10, 'Agressie: subsidie en trajecten (Halt, Urban Skillz)', 2, '{VO,VSO,MBO}', 'Docenten en teams ondersteunen in het op orde houden van het pedagogisch klimaat in de klas.', '11 Agressiebeteugeling',
 'In de planningstabel staat deze maatregel als rij 11; de tabel nummert anders dan de maatregelen.'),
(11, 'Seksuele weerbaarheid (chat met Fier)', 2, '{VO,VSO,MBO}', 'Meer zicht krijgen op jongeren die baat hebben bij interventies gericht op seksuele weerbaarheid.', '12 seksuele weerbaarheid',
 'In de planningstabel staat deze maatregel als rij 12.'),
(12, 'Expertsessies sociale veiligheid (VOS)', 2, '{VO,VSO,MBO}', 'Kennisvergroting van personeel in het onderwijs.', '14 Expertsessies',
 'De tabel heeft één rij "Expertsessies" (rij 14) voor de maatregelen 12 en 13 samen.'),
(13, 'Kennissessies stadsmarinier met OM en politie', 2, '{VO,VSO,MBO}', 'Kennisvergroting van personeel in het onderwijs over criminaliteit.', '14 Expertsessies',
 'De tabel heeft één rij "Expertsessies" (rij 14) voor de maatregelen 12 en 13 samen.'),
(14, 'Fixeren in het vso (cluster 4)', 3, '{VSO}', 'Duidelijkheid voor leerkrachten en scholen over de grenzen van fysiek ingrijpen.', '10 Fixeren',
 'In de tabel rij 10, met één kruisje zonder zichtbare kolom; gelezen als 2020-2021 omdat de maatregel "in 2020" noemt.'),
(15, 'School 2 Care', 3, '{VO,VSO}', 'Meer jongeren passende hulpverlening bieden.', '13 school 2 care',
 'In de planningstabel staat deze maatregel als rij 13.');

-- The planning table (schooljaren 2019-2020 t/m 2022-2023) as the plan gives it: all PLANNED. Later
-- years come from the yearly work agenda, entered by the municipality through the API.
INSERT INTO agenda_entry (measure_number, school_year, status, note, updated_by)
SELECT m.number, y.school_year, 'PLANNED', m.note, 'action-plan'
FROM (VALUES
    (1, '{2019-2020,2020-2021,2021-2022,2022-2023}'::text[]),
    (2, '{2019-2020,2020-2021,2021-2022,2022-2023}'),
    (3, '{2019-2020,2020-2021,2021-2022,2022-2023}'),
    (4, '{2021-2022,2022-2023}'),
    (5, '{2021-2022,2022-2023}'),
    (6, '{2019-2020,2020-2021,2021-2022}'),
    (7, '{2019-2020,2020-2021,2021-2022,2022-2023}'),
    (8, '{2020-2021,2021-2022,2022-2023}'),
    (9, '{2020-2021,2021-2022,2022-2023}'),
    (10, '{2020-2021,2021-2022,2022-2023}'),
    (11, '{2020-2021,2021-2022,2022-2023}'),
    (12, '{2019-2020,2020-2021,2021-2022,2022-2023}'),
    (13, '{2019-2020,2020-2021,2021-2022,2022-2023}'),
    (14, '{2020-2021}'),
    (15, '{2020-2021,2021-2022,2022-2023}')
) AS plan (number, years)
JOIN agenda_measure m ON m.number = plan.number
CROSS JOIN LATERAL unnest(plan.years) AS y (school_year);
