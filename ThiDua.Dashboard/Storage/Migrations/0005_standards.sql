-- 0005: the plan's standard (a) and the tham mưu slot's condition, both recorded by the City Office.
-- A unit's assessment against Nghị quyết 02/NQ-CP lives on the unit, like its registration: it
-- decides eligibility, so every change is a versioned unit edit. NULL = not yet assessed.
ALTER TABLE units ADD COLUMN nq02 TEXT NULL CHECK (nq02 IS NULL OR nq02 IN ('met', 'notMet'));
ALTER TABLE units ADD COLUMN nq02_note TEXT NULL CHECK (nq02_note IS NULL OR length(nq02_note) <= 1000);

-- The city's classification on Bộ chỉ số 766, append-only like the nominations: the current
-- value is the latest row, and a row with rating NULL clears it.
CREATE TABLE city_ratings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    rating      TEXT NULL CHECK (rating IS NULL OR rating IN ('xuatSac', 'tot', 'kha', 'trungBinh', 'yeu')),
    source      TEXT NULL CHECK (source IS NULL OR length(source) <= 500),
    recorded_by TEXT NOT NULL CHECK (length(recorded_by) > 0),
    recorded_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER city_ratings_no_update BEFORE UPDATE ON city_ratings
BEGIN
    SELECT RAISE(ABORT, 'city_ratings are append-only: record a new rating instead');
END;

CREATE TRIGGER city_ratings_no_delete BEFORE DELETE ON city_ratings
BEGIN
    SELECT RAISE(ABORT, 'city_ratings are append-only: record a new rating instead');
END;
