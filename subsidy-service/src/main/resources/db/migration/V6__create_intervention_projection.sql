-- The catalog's offerings a subsidy application may name as its intervention, projected from the catalog topic.
CREATE TABLE intervention_seen (
    offering_id     uuid PRIMARY KEY,
    code            text NOT NULL,
    evidence_level  text NOT NULL,
    themes          text[] NOT NULL,
    sectors         text[] NOT NULL
);

-- A programme may demand that every application names an intervention of an accepted evidence level (the quality
-- budget: evidence-based or evidence-informed); empty, an intervention is optional.
ALTER TABLE programme ADD COLUMN accepted_evidence_levels text[] NOT NULL DEFAULT '{}';
