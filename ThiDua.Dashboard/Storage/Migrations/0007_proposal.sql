-- 0007: the award proposal's review chain (issue 13): the City Office selects, Ban Thi đua - Khen
-- thưởng appraises or returns, the Chairman decides, and an admin may reopen.

-- A fourth account role for Ban Thi đua - Khen thưởng. SQLite cannot change a CHECK in place, so the
-- table is rebuilt with the same columns; nothing references users by key.
CREATE TABLE users_new (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(user_name)) > 0),
    display_name         TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    password_hash        TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'committee', 'appraiser', 'viewer')),
    units                TEXT NULL CHECK (units IS NULL OR json_valid(units)),
    disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    failed_sign_ins      INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until         TEXT NULL,
    security_stamp       TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    last_sign_in_at      TEXT NULL
) STRICT;
INSERT INTO users_new SELECT id, user_name, display_name, password_hash, role, units, disabled, must_change_password,
    failed_sign_ins, locked_until, security_stamp, created_at, updated_at, last_sign_in_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- Every step of the proposal, append-only: the current state is the latest row's (none = draft).
-- A selection carries the fixed list as JSON, so later figures never change what was selected;
-- the rows after it (appraised, returned, decided) refer to that same list.
CREATE TABLE proposal_transitions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    action          TEXT NOT NULL CHECK (action IN ('selected', 'appraised', 'returned', 'decided', 'reopened')),
    state           TEXT NOT NULL CHECK (state IN ('draft', 'selected', 'appraised', 'decided')),
    note            TEXT NULL CHECK (note IS NULL OR length(note) <= 2000),
    fixed_json      TEXT NULL CHECK (fixed_json IS NULL OR json_valid(fixed_json)),
    decision_number TEXT NULL CHECK (decision_number IS NULL OR length(decision_number) <= 100),
    decision_date   TEXT NULL,
    decision_signer TEXT NULL CHECK (decision_signer IS NULL OR length(decision_signer) <= 200),
    recorded_by     TEXT NOT NULL CHECK (length(recorded_by) > 0),
    recorded_at     TEXT NOT NULL
) STRICT;

CREATE TRIGGER proposal_transitions_no_update BEFORE UPDATE ON proposal_transitions
BEGIN
    SELECT RAISE(ABORT, 'proposal_transitions are append-only: record a new step instead');
END;

CREATE TRIGGER proposal_transitions_no_delete BEFORE DELETE ON proposal_transitions
BEGIN
    SELECT RAISE(ABORT, 'proposal_transitions are append-only: record a new step instead');
END;

-- What the plan requires of a person proposed: works at the one-stop desk (Bộ phận Một cửa) or
-- controls administrative procedures. NULL for people listed before the field existed: they must be
-- stated before the list can be fixed.
ALTER TABLE award_individuals ADD COLUMN duty TEXT NULL CHECK (duty IS NULL OR duty IN ('motCua', 'kiemSoatTthc'));
