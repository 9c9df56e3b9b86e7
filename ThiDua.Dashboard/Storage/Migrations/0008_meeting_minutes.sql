-- 0008: the minutes of the City Office's selection meeting (biên bản họp xét, issue 13), printed in
-- the dossier's bien-ban.docx. Append-only like the other decisions: the current minutes are the
-- latest row, so a correction never loses what was recorded before it.
-- held_at is the campaign's local wall-clock time ("yyyy-MM-ddTHH:mm"), as the minutes print it.
CREATE TABLE meeting_minutes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    held_at     TEXT NOT NULL CHECK (length(held_at) = 16),
    place       TEXT NOT NULL CHECK (length(trim(place)) > 0 AND length(place) <= 500),
    chair       TEXT NOT NULL CHECK (length(trim(chair)) > 0 AND length(chair) <= 200),
    secretary   TEXT NOT NULL CHECK (length(trim(secretary)) > 0 AND length(secretary) <= 200),
    attendees   TEXT NOT NULL CHECK (json_valid(attendees) AND json_type(attendees) = 'array'),
    votes       TEXT NOT NULL CHECK (json_valid(votes) AND json_type(votes) = 'array'),
    recorded_by TEXT NOT NULL CHECK (length(recorded_by) > 0),
    recorded_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER meeting_minutes_no_update BEFORE UPDATE ON meeting_minutes
BEGIN
    SELECT RAISE(ABORT, 'meeting_minutes are append-only: record the minutes again instead');
END;

CREATE TRIGGER meeting_minutes_no_delete BEFORE DELETE ON meeting_minutes
BEGIN
    SELECT RAISE(ABORT, 'meeting_minutes are append-only: record the minutes again instead');
END;
