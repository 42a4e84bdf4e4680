-- Processing log (after the Logboek dataverwerkingen standard): one row per read of a data subject's data.
-- Append-only: the application role may insert and select, never update or delete.
CREATE TABLE processing_log (
    id            bigserial PRIMARY KEY,
    logged_at     timestamptz NOT NULL DEFAULT now(),
    actor         text NOT NULL,
    role          text NOT NULL,
    purpose       text NOT NULL,
    data_subject  text NOT NULL,
    record_type   text NOT NULL,
    record_id     text NOT NULL,
    owner         text NOT NULL,
    trace_id      text
);
CREATE INDEX processing_log_owner ON processing_log (owner, logged_at DESC, id DESC);
CREATE INDEX processing_log_subject ON processing_log (data_subject, logged_at DESC);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER processing_log_append_only BEFORE UPDATE OR DELETE ON processing_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
