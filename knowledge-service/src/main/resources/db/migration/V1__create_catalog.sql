-- Dutch full-text search. unaccent is a trusted extension (PostgreSQL 13+), so the database owner may
-- create it; where it is missing the configuration falls back to the plain Dutch stemmer, which
-- already folds the common Dutch accents (één → een, café → caf) but not every accented letter.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = pg_catalog.dutch);
    ALTER TEXT SEARCH CONFIGURATION dutch_unaccent
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
EXCEPTION WHEN undefined_file OR insufficient_privilege OR feature_not_supported THEN
    RAISE NOTICE 'unaccent unavailable (%); Dutch search falls back to the plain dutch configuration', SQLERRM;
    CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = pg_catalog.dutch);
END;
$$;

-- The Snowball Dutch stemmer keeps the participle prefix ge- ("gepest" stays "gepest" while
-- "pesten" becomes "pest"), so both the documents and the queries are also read with ge- folded
-- off ("gepest" → "pest"). The extra lexemes ("gemeente" → "meente") cost a little precision only.
CREATE FUNCTION dutch_participles_folded(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(body, '\mge(\w{3,})', '\1', 'gi');

CREATE FUNCTION dutch_search_vector(body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('dutch_unaccent', coalesce(body, ''))
        || to_tsvector('dutch_unaccent', dutch_participles_folded(coalesce(body, '')));

CREATE FUNCTION dutch_search_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN websearch_to_tsquery('dutch_unaccent', query)
        || websearch_to_tsquery('dutch_unaccent', dutch_participles_folded(query));

-- The city's safety offer (aanbod sociale veiligheid, measure 8), maintained by the municipality.
CREATE TABLE offering (
    id              uuid PRIMARY KEY,
    code            text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
    title           text NOT NULL,
    provider        text NOT NULL,
    description     text NOT NULL,
    themes          text[] NOT NULL CHECK (cardinality(themes) > 0),
    audiences       text[] NOT NULL CHECK (cardinality(audiences) > 0),
    sectors         text[] NOT NULL CHECK (cardinality(sectors) > 0),
    cost            text NOT NULL,
    evidence_level  text NOT NULL CHECK (evidence_level IN ('EVIDENCE_BASED', 'EVIDENCE_INFORMED', 'PROMISING', 'NONE')),
    contact         text NOT NULL,
    website         text,
    version         bigint NOT NULL DEFAULT 0,
    search          tsvector GENERATED ALWAYS AS (
                        setweight(dutch_search_vector(title), 'A')
                        || setweight(dutch_search_vector(description), 'B')
                        || setweight(dutch_search_vector(provider), 'C')) STORED
);
CREATE INDEX offering_search ON offering USING gin (search);
CREATE INDEX offering_themes ON offering USING gin (themes);
CREATE INDEX offering_title ON offering (title, id);
