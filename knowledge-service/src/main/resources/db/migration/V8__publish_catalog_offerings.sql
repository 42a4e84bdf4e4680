-- The offerings seeded before the catalog was published as reference data: one record each on the compacted
-- catalog topic, written as the change pipeline writes an OfferingEvent (key and subject "offering:<id>").
INSERT INTO outbox_message (id, topic, message_key, type, subject, occurred_at, payload)
SELECT gen_random_uuid(), 'catalog.events', 'offering:' || id, 'nl.rotterdam.schoolsafe.catalog.offering.v1',
       'offering:' || id, now(),
       jsonb_build_object('offeringId', id, 'code', code, 'evidenceLevel', evidence_level,
                          'themes', to_jsonb(themes), 'sectors', to_jsonb(sectors))
FROM offering ORDER BY code;
