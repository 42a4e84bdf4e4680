-- Programmes (regelingen) with a pot per sector, and the append-only ledger that is the pot's only way to change.
CREATE TABLE programme (
    id                      uuid PRIMARY KEY,
    school_year             text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
    name                    text NOT NULL,
    method                  text NOT NULL,
    four_eyes_above_cents   bigint NOT NULL CHECK (four_eyes_above_cents >= 0),
    created_at              timestamptz NOT NULL,
    version                 bigint NOT NULL DEFAULT 0
);

CREATE TABLE pot (
    id                  uuid PRIMARY KEY,
    programme_id        uuid NOT NULL REFERENCES programme (id),
    sector              text NOT NULL,
    amount_cents        bigint NOT NULL CHECK (amount_cents > 0),
    -- Kept by the ledger trigger only; the check makes overspending impossible whatever the concurrency.
    balance_cents       bigint NOT NULL DEFAULT 0 CONSTRAINT pot_balance_not_negative CHECK (balance_cents >= 0),
    exhausted_at        timestamptz,
    UNIQUE (programme_id, sector)
);

-- Whole cents, signed as their effect on the pot: funding and releases add, reservations and grants take.
CREATE TABLE ledger_entry (
    id                  bigserial PRIMARY KEY,
    pot_id              uuid NOT NULL REFERENCES pot (id),
    kind                text NOT NULL CHECK (kind IN ('FUNDING', 'RESERVATION', 'GRANT', 'SETTLEMENT', 'RELEASE')),
    amount_cents        bigint NOT NULL,
    application_id      uuid,
    school_location_id  text,
    allocation_id       uuid,
    recorded_at         timestamptz NOT NULL,
    recorded_by         text NOT NULL,
    CHECK ((kind IN ('FUNDING', 'RELEASE', 'SETTLEMENT') AND amount_cents >= 0) OR (kind IN ('RESERVATION', 'GRANT') AND amount_cents < 0))
);
CREATE INDEX ledger_entry_pot ON ledger_entry (pot_id, id);
CREATE INDEX ledger_entry_application ON ledger_entry (application_id);

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Every entry moves the stored balance in the same statement: balance = sum of the pot's entries, always.
CREATE FUNCTION apply_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE pot SET balance_cents = balance_cents + NEW.amount_cents WHERE id = NEW.pot_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER ledger_entry_applies AFTER INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION apply_ledger_entry();

-- A pot's balance may only change through the ledger.
CREATE FUNCTION refuse_direct_balance_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 AND NEW.balance_cents IS DISTINCT FROM OLD.balance_cents THEN
        RAISE EXCEPTION 'a pot''s balance changes only through ledger entries';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER pot_balance_through_ledger BEFORE UPDATE ON pot
    FOR EACH ROW EXECUTE FUNCTION refuse_direct_balance_change();
