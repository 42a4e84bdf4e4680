-- Idempotent inbox: one row per consumed event id and consumer, written with the effect.
CREATE TABLE inbox_message (
    consumer      text NOT NULL,
    event_id      text NOT NULL,
    event_type    text NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
