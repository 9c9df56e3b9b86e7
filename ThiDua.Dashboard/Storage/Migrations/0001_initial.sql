-- 0001: the first schema. Dates are ISO text 'yyyy-MM-dd'; instants are UTC ISO text
-- 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (both sort as text). Every table is STRICT so a wrong type
-- is an error here rather than a silent coercion.

-- Key/value facts about this database file (for example when the units were seeded).
CREATE TABLE meta (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The single row holding the highest engine version ever produced. The engine is rebuilt from
-- the stored figures at start and resumes from this number, so it must never go down and never
-- skip: the trigger below makes any other update an error.
CREATE TABLE engine_state (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL CHECK (version >= 0)
) STRICT;

INSERT INTO engine_state (id, version) VALUES (1, 0);

CREATE TRIGGER engine_state_steps_by_one
BEFORE UPDATE ON engine_state
WHEN NEW.version <> OLD.version + 1 OR NEW.id <> OLD.id
BEGIN
    SELECT RAISE(ABORT, 'engine_state.version only ever increases by exactly one');
END;

CREATE TRIGGER engine_state_no_delete
BEFORE DELETE ON engine_state
BEGIN
    SELECT RAISE(ABORT, 'engine_state cannot be deleted');
END;

CREATE TABLE units (
    code          TEXT NOT NULL PRIMARY KEY CHECK (length(code) > 0),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    block         TEXT NOT NULL CHECK (length(block) > 0),
    district      TEXT NULL,
    active_from   TEXT NULL CHECK (active_from IS NULL OR date(active_from) IS active_from),
    active_to     TEXT NULL CHECK (active_to IS NULL OR date(active_to) IS active_to),
    -- Deferred so that a merged unit and the unit it merges into can be written in any order
    -- inside one transaction (the seed lists An Cư before Thới Bình).
    merged_into   TEXT NULL REFERENCES units (code) DEFERRABLE INITIALLY DEFERRED,
    registered_on TEXT NULL CHECK (registered_on IS NULL OR date(registered_on) IS registered_on),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to),
    CHECK (merged_into IS NULL OR merged_into <> code)
) STRICT;

-- One row per engine version: a batch of figures, or a change without figures (a unit edit).
-- Append-only, like figures: it is the history of who changed what when.
CREATE TABLE batches (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    version      INTEGER NOT NULL UNIQUE CHECK (version > 0),
    source       TEXT NOT NULL CHECK (length(source) > 0),
    submitted_by TEXT NOT NULL CHECK (length(submitted_by) > 0),
    received_at  TEXT NOT NULL,
    figure_count INTEGER NOT NULL CHECK (figure_count >= 0),
    reason       TEXT NULL
) STRICT;

-- A batch must carry the version engine_state has just been raised to, in the same transaction.
CREATE TRIGGER batches_version_matches_engine_state
BEFORE INSERT ON batches
WHEN NEW.version IS NOT (SELECT version FROM engine_state WHERE id = 1)
BEGIN
    SELECT RAISE(ABORT, 'batches.version must equal the freshly raised engine_state.version');
END;

CREATE TRIGGER batches_no_update
BEFORE UPDATE ON batches
BEGIN
    SELECT RAISE(ABORT, 'batches are append-only: UPDATE refused');
END;

CREATE TRIGGER batches_no_delete
BEFORE DELETE ON batches
BEGIN
    SELECT RAISE(ABORT, 'batches are append-only: DELETE refused');
END;

-- Every figure ever accepted, in arrival order (id). A correction is a newer figure, never an edit.
CREATE TABLE figures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id     INTEGER NOT NULL REFERENCES batches (id),
    unit         TEXT NOT NULL REFERENCES units (code),
    indicator    TEXT NOT NULL CHECK (length(indicator) > 0),
    as_of        TEXT NOT NULL CHECK (date(as_of) IS as_of),
    numerator    INTEGER NOT NULL CHECK (numerator >= 0),
    denominator  INTEGER NULL CHECK (denominator IS NULL OR denominator >= 0),
    source       TEXT NOT NULL CHECK (length(source) > 0),
    submitted_by TEXT NOT NULL CHECK (length(submitted_by) > 0),
    received_at  TEXT NOT NULL,
    -- The dossier count is a plain count; every scored content is a ratio.
    CHECK ((indicator = 'dossiers') = (denominator IS NULL))
) STRICT;

CREATE INDEX figures_by_unit ON figures (unit, id);
CREATE INDEX figures_by_batch ON figures (batch_id);

CREATE TRIGGER figures_no_update
BEFORE UPDATE ON figures
BEGIN
    SELECT RAISE(ABORT, 'figures are append-only: UPDATE refused');
END;

CREATE TRIGGER figures_no_delete
BEFORE DELETE ON figures
BEGIN
    SELECT RAISE(ABORT, 'figures are append-only: DELETE refused');
END;
