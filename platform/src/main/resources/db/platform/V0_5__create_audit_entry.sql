-- Audit trail of every change to an aggregate: who, when, what, before and after per changed field.
CREATE TABLE audit_entry (
    id              bigserial PRIMARY KEY,
    aggregate_type  text NOT NULL,
    aggregate_id    text NOT NULL,
    owner           text NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    actor           text NOT NULL,
    action          text NOT NULL,
    changes         jsonb NOT NULL
);
CREATE INDEX audit_entry_aggregate ON audit_entry (aggregate_type, aggregate_id, id);
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
