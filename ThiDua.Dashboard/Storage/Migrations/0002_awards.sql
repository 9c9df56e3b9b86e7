-- The award committee's decisions: nominations for committee slots (the departments' "tham mưu"
-- award) and the individuals proposed for the City Chairman's Bằng khen.

-- Append-only like figures: a nomination and its withdrawal are two rows; the current nominees of a
-- slot are the units whose latest row is a nomination.
CREATE TABLE committee_nominations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    block        TEXT NOT NULL CHECK (length(block) > 0),
    slot         TEXT NOT NULL CHECK (length(slot) > 0),
    unit         TEXT NOT NULL REFERENCES units (code),
    action       TEXT NOT NULL CHECK (action IN ('nominate', 'withdraw')),
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    submitted_by TEXT NOT NULL CHECK (length(submitted_by) > 0),
    recorded_at  TEXT NOT NULL
) STRICT;

CREATE INDEX committee_nominations_slot ON committee_nominations (block, slot, unit, id);

CREATE TRIGGER committee_nominations_no_update BEFORE UPDATE ON committee_nominations
BEGIN
    SELECT RAISE(ABORT, 'committee_nominations are append-only: record a withdrawal instead');
END;

CREATE TRIGGER committee_nominations_no_delete BEFORE DELETE ON committee_nominations
BEGIN
    SELECT RAISE(ABORT, 'committee_nominations are append-only: record a withdrawal instead');
END;

-- Individuals proposed for the Bằng khen (at most ten, checked by the application). Removal is
-- recorded, not deleted, so the list can always be explained.
CREATE TABLE award_individuals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name    TEXT NOT NULL CHECK (length(full_name) > 0),
    position     TEXT NOT NULL CHECK (length(position) > 0),
    unit         TEXT NOT NULL REFERENCES units (code),
    achievement  TEXT NOT NULL CHECK (length(achievement) > 0),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    removed_by   TEXT NULL,
    removed_at   TEXT NULL
) STRICT;
