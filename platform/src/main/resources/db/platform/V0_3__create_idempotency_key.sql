-- Idempotency-Key on creating POSTs: a retry returns the first result; claimed in the creating transaction.
CREATE TABLE idempotency_key (
    scope         text NOT NULL,
    key           text NOT NULL,
    request_hash  text NOT NULL,
    resource_id   text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
