-- Transactional outbox: written in the same transaction as the change it reports,
-- relayed to Kafka after commit and marked published.
CREATE TABLE outbox_message (
    id            uuid PRIMARY KEY,
    seq           bigserial NOT NULL UNIQUE,
    topic         text NOT NULL,
    message_key   text NOT NULL,
    type          text NOT NULL,
    subject       text,
    occurred_at   timestamptz NOT NULL,
    payload       jsonb NOT NULL,
    trace_parent  text,
    published_at  timestamptz
);
CREATE INDEX outbox_message_unpublished ON outbox_message (seq) WHERE published_at IS NULL;
