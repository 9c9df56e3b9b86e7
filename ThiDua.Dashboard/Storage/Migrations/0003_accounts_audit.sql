-- 0003: who may do what (users, API keys) and the audit trail of every change of state.

-- People who sign in. Passwords are ASP.NET Core Identity PasswordHasher hashes, never the password.
-- units: a JSON array of unit codes an editor may write, NULL for every unit.
-- security_stamp changes whenever the password, role, scope or status changes, which ends every
-- session signed in before.
CREATE TABLE users (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(user_name)) > 0),
    display_name         TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    password_hash        TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'committee', 'viewer')),
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

-- Keys created in the UI. Only the SHA-256 of the key is kept; the key itself is shown once.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    key_hash     TEXT NOT NULL UNIQUE CHECK (length(key_hash) = 64),
    key_prefix   TEXT NOT NULL,
    units        TEXT NULL CHECK (units IS NULL OR json_valid(units)),
    is_admin     INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revoked_by   TEXT NULL,
    revoked_at   TEXT NULL,
    last_used_at TEXT NULL
) STRICT;

-- Append-only and hash-chained: hash = SHA-256 over the canonical serialization of the row's fields
-- and prev_hash (see Audit/AuditHash.cs). The triggers stop the application (and anyone using this
-- file casually) from rewriting history; the chain exposes anyone who drops them first.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL CHECK (length(actor) > 0),
    address     TEXT NULL,
    kind        TEXT NOT NULL CHECK (length(kind) > 0),
    subject     TEXT NULL,
    summary     TEXT NOT NULL,
    before_json TEXT NULL,
    after_json  TEXT NULL,
    prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
CREATE INDEX audit_log_by_kind ON audit_log (kind, id);
CREATE INDEX audit_log_by_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;
