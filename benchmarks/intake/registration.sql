-- pgbench script: the SQL the incident-service issues for one registration (POST /api/v1/incidents with an
-- Idempotency-Key, two pupils involved), then the outbox relay publishing its event, as two transactions.
-- Captured from the service: QUARKUS_HIBERNATE_ORM_LOG_SQL=true ./run-local.sh, one registration, its log; the
-- values (payload, audit changes, request hash) are those of that registration. Re-capture when the write path
-- changes. Run against copies of the written tables (schema "bench", search_path=bench), so nothing reaches the
-- relay; the register look-ups read the real tables.
\set a random(0, 2000000000)
\set b random(0, 2000000000)
\set pupil1 random(1, 20000)
\set pupil2 random(1, 20000)
BEGIN;
INSERT INTO idempotency_key (scope, key, request_hash)
  VALUES ('incident:' || 'bench-staff', md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text) || '-key'), 'f91634efa551abab2f110d32a9245684c46a6b0d14796a9982e04cc4f454bd61')
  ON CONFLICT DO NOTHING;
SELECT sl1_0.id, sl1_0.board_id, sl1_0.brin, sl1_0.district_id, sl1_0.location_number, sl1_0.name, sl1_0.pupil_count,
       sl1_0.sector, sl1_0.updated_at, sl1_0.version
  FROM public.school_location sl1_0 WHERE sl1_0.id = '30BR01';
SELECT d1_0.id, d1_0.name FROM public.district d1_0 WHERE d1_0.id = 'delfshaven';
INSERT INTO incident (category, closed_reason, description, district_id, location_type, occurred_at, police_report_reason,
                      police_report_status, registered_by, reported_at, school_location_id, sector, severity,
                      shareable_summary, status, version, id)
  VALUES ('BULLYING', NULL, 'Benchmark incident in the corridor', 'delfshaven', 'IN_SCHOOL', now() - interval '1 hour', NULL,
          'NONE', 'bench-staff', now(), '30BR01', 'VO', 'LOW', NULL, 'REGISTERED', 0, md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text))::uuid);
INSERT INTO involved_person (incident_id, position, kind, minor, pseudonym, role, school_location_id)
  VALUES (md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text))::uuid, 0, 'STUDENT', false, 'ps-' || md5('pupil' || CAST(:pupil1 AS text)), 'SUSPECT', '30BR01'),
         (md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text))::uuid, 1, 'STUDENT', false, 'ps-' || md5('pupil' || CAST(:pupil2 AS text)), 'VICTIM', '30BR01');
INSERT INTO audit_entry (aggregate_type, aggregate_id, owner, actor, action, changes)
  VALUES ('incident', md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text)), '30BR01', 'bench-staff', 'report', CAST('{"status": {"after": "REGISTERED", "before": null}, "category": {"after": "BULLYING", "before": null}, "measures": {"after": 0, "before": null}, "severity": {"after": "LOW", "before": null}, "districtId": {"after": "delfshaven", "before": null}, "occurredAt": {"after": "2026-12-01T09:00Z", "before": null}, "description": {"after": "Benchmark incident in the corridor", "before": null}, "locationType": {"after": "IN_SCHOOL", "before": null}, "involvedPersons": {"after": ["SUSPECT/STUDENT/ps-d632b435177716a895caa6a0e0ec172c/30BR01", "VICTIM/STUDENT/ps-370b70fc82ac61dbac2d0a7d4f7fef7c/30BR01"], "before": null}, "policeReportStatus": {"after": "NONE", "before": null}, "parentConsultations": {"after": 0, "before": null}}' AS jsonb));
INSERT INTO outbox_message (message_key, occurred_at, payload, published_at, subject, topic, trace_parent, type, id)
  VALUES (md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text)), now(), CAST('{"status": "REGISTERED", "category": "BULLYING", "district": "delfshaven", "severity": "LOW", "incidentId": "def416e1-f2f3-4cb3-9b18-5fbb383e715a", "occurredAt": "2026-12-01T09:00:00Z", "locationType": "IN_SCHOOL", "involvedPersons": [{"kind": "STUDENT", "role": "SUSPECT", "minor": false, "pseudonym": "ps-d632b435177716a895caa6a0e0ec172c", "schoolLocationId": "30BR01"}, {"kind": "STUDENT", "role": "VICTIM", "minor": false, "pseudonym": "ps-370b70fc82ac61dbac2d0a7d4f7fef7c", "schoolLocationId": "30BR01"}], "schoolLocationId": "30BR01", "policeReportStatus": "NONE"}' AS jsonb),
          NULL, md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text)), 'incident.events', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          'nl.rotterdam.schoolsafe.incident.reported.v1', md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text) || '-event')::uuid);
UPDATE idempotency_key SET resource_id = md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text))
  WHERE scope = 'incident:' || 'bench-staff' AND key = md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text) || '-key');
COMMIT;
BEGIN;
SELECT id, topic, message_key, type, subject, occurred_at, payload, trace_parent FROM outbox_message
  WHERE published_at IS NULL AND id = md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text) || '-event')::uuid FOR UPDATE SKIP LOCKED;
UPDATE outbox_message SET published_at = now() WHERE id = ANY (ARRAY[md5(CAST(:client_id AS text) || ':' || CAST(:a AS text) || ':' || CAST(:b AS text) || '-event')::uuid]);
COMMIT;
