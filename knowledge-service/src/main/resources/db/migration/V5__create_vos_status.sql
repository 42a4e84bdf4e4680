-- VOS (Veilig Op School, measure 6): certificate status and audits per school location.
CREATE TABLE vos_status (
    school_location_id  text PRIMARY KEY,
    certificate_status  text NOT NULL CHECK (certificate_status IN ('NOT_STARTED', 'IN_PREPARATION', 'CERTIFIED', 'EXPIRED')),
    last_audit_on       date,
    next_audit_due      date,
    note                text,
    updated_by          text NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint NOT NULL DEFAULT 0,
    CONSTRAINT vos_status_next_after_last CHECK (next_audit_due IS NULL OR last_audit_on IS NULL OR next_audit_due > last_audit_on)
);
CREATE INDEX vos_status_next_audit ON vos_status (next_audit_due) WHERE next_audit_due IS NOT NULL;
