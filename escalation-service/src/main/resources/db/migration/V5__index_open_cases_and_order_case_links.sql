-- Issue #22: the case an incident belongs with is found by indexed look-ups, not by reading every open case.

-- A case's links and firings are ordered lists, so linking one more incident inserts one row instead of
-- rewriting the whole collection.
ALTER TABLE case_incident ADD COLUMN position integer;
UPDATE case_incident ci SET position = o.position
FROM (SELECT incident_id, row_number() OVER (PARTITION BY case_id ORDER BY linked_at, incident_id) - 1 AS position
      FROM case_incident) o
WHERE o.incident_id = ci.incident_id;
ALTER TABLE case_incident ALTER COLUMN position SET NOT NULL;
ALTER TABLE case_incident ADD CONSTRAINT case_incident_order UNIQUE (case_id, position);
DROP INDEX case_incident_case;

ALTER TABLE rule_firing ADD COLUMN position integer;
UPDATE rule_firing rf SET position = o.position
FROM (SELECT case_id, incident_id, rule,
             row_number() OVER (PARTITION BY case_id ORDER BY fired_at, incident_id, rule) - 1 AS position
      FROM rule_firing) o
WHERE o.case_id = rf.case_id AND o.incident_id = rf.incident_id AND o.rule = rf.rule;
ALTER TABLE rule_firing ALTER COLUMN position SET NOT NULL;
ALTER TABLE rule_firing DROP CONSTRAINT rule_firing_pkey;
ALTER TABLE rule_firing ADD PRIMARY KEY (case_id, position);

-- A district has at most a handful of open district-cluster cases; the flag lets an index find them.
ALTER TABLE escalation_case ADD COLUMN clustered boolean NOT NULL DEFAULT false;
UPDATE escalation_case c SET clustered = true
WHERE EXISTS (SELECT 1 FROM rule_firing r WHERE r.case_id = c.id AND r.rule = 'DISTRICT_CLUSTER');

-- Open cases: the district's queue soonest-due first, and the oldest open cluster case of a district.
DROP INDEX escalation_case_district_status;
CREATE INDEX escalation_case_open_due ON escalation_case (district_id, response_due_at, id) WHERE status <> 'CLOSED';
CREATE INDEX escalation_case_open_cluster ON escalation_case (district_id, opened_at) WHERE status <> 'CLOSED' AND clustered;
CREATE INDEX escalation_case_district_opened ON escalation_case (district_id, opened_at);
CREATE INDEX escalation_case_overdue_due ON escalation_case (response_due_at) WHERE status = 'OPEN' AND NOT overdue;

-- A school's cases: those linking one of its incidents.
CREATE INDEX case_incident_school ON case_incident (school_location_id, case_id);

-- The district-cluster rule counts the district's window from the index alone.
DROP INDEX incident_seen_district;
CREATE INDEX incident_seen_district ON incident_seen (district_id, occurred_at) INCLUDE (school_location_id);
