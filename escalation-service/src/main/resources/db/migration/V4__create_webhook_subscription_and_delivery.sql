-- Webhook subscriptions of partner systems (as the Notificaties API's abonnementen) and their durable delivery queue,
-- written in the transaction of the event they carry (docs/decisions/0008-webhooks.md).
CREATE TABLE webhook_subscription (
    id                          uuid PRIMARY KEY,
    partner_id                  text NOT NULL,
    callback_url                text NOT NULL,
    event_types                 text NOT NULL,
    secret                      text NOT NULL,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    status                      text NOT NULL,
    failing_reason              text,
    failing_since               timestamptz,
    created_at                  timestamptz NOT NULL,
    version                     bigint NOT NULL
);
CREATE INDEX webhook_subscription_partner ON webhook_subscription (partner_id);

CREATE TABLE webhook_delivery (
    id                uuid PRIMARY KEY,
    seq               bigserial NOT NULL,
    subscription_id   uuid NOT NULL REFERENCES webhook_subscription (id),
    event_id          uuid NOT NULL,
    event_type        text NOT NULL,
    ordering_key      text NOT NULL,
    body              text NOT NULL,
    created_at        timestamptz NOT NULL,
    status            text NOT NULL,
    attempts          integer NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    delivered_at      timestamptz,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order ON webhook_delivery (subscription_id, ordering_key, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_listing ON webhook_delivery (subscription_id, seq DESC);
