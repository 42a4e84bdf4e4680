-- The short summary a school writes for partners when an incident is escalated (DESIGN §4):
-- separate from its own description, without names; shared only on request of the escalation-service.
ALTER TABLE incident ADD COLUMN shareable_summary varchar(500);
