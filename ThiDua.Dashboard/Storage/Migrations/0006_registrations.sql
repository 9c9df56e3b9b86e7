-- 0006: registrations for the campaign (đăng ký thi đua), sent by a unit and decided by the City Office.
-- Append-only like the nominations: a registration row is what the unit sent; its decision (accepted or
-- returned) is a second row, at most one per registration, so "already decided" is a constraint, not a
-- read-then-write race. The unit's registered_on stays on units (the engine reads it there): accepting a
-- registration sets it to submitted_on in the same transaction.
CREATE TABLE registrations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    unit            TEXT NOT NULL REFERENCES units (code),
    -- NULL only for a registration recorded by an admin with PUT /units/{code}/registration (a date, no document).
    document_number TEXT NULL CHECK (document_number IS NULL OR (length(trim(document_number)) > 0 AND length(document_number) <= 100)),
    document_date   TEXT NULL CHECK (document_date IS NULL OR date(document_date) IS document_date),
    submitted_on    TEXT NOT NULL CHECK (date(submitted_on) IS submitted_on),
    submitted_by    TEXT NOT NULL CHECK (length(submitted_by) > 0),
    recorded_at     TEXT NOT NULL
) STRICT;

CREATE INDEX registrations_unit ON registrations (unit, id);

CREATE TABLE registration_decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id INTEGER NOT NULL UNIQUE REFERENCES registrations (id),
    decision        TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
    reason          TEXT NULL CHECK (reason IS NULL OR length(reason) <= 1000),
    decided_by      TEXT NOT NULL CHECK (length(decided_by) > 0),
    decided_at      TEXT NOT NULL,
    CHECK (decision <> 'returned' OR length(trim(reason)) > 0)
) STRICT;

CREATE TRIGGER registrations_no_update BEFORE UPDATE ON registrations
BEGIN
    SELECT RAISE(ABORT, 'registrations are append-only: send a new registration instead');
END;

CREATE TRIGGER registrations_no_delete BEFORE DELETE ON registrations
BEGIN
    SELECT RAISE(ABORT, 'registrations are append-only: send a new registration instead');
END;

CREATE TRIGGER registration_decisions_no_update BEFORE UPDATE ON registration_decisions
BEGIN
    SELECT RAISE(ABORT, 'registration_decisions are append-only: a registration is decided once');
END;

CREATE TRIGGER registration_decisions_no_delete BEFORE DELETE ON registration_decisions
BEGIN
    SELECT RAISE(ABORT, 'registration_decisions are append-only: a registration is decided once');
END;
