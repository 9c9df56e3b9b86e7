-- 0004: read-only screen links for meeting-room PCs (/trinh-chieu?manhinh=TOKEN).
-- The token is 32 random bytes (base64url); only its SHA-256 (hex) is kept, and the full link is
-- shown once to the admin who creates it. Opening the link signs the browser in as a viewer with a
-- long-lived cookie; revoking the link ends that cookie at its next request.
CREATE TABLE screen_links (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 100),
    token_hash   TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by   TEXT NOT NULL CHECK (length(created_by) > 0),
    created_at   TEXT NOT NULL,
    revoked_by   TEXT NULL,
    revoked_at   TEXT NULL,
    last_used_at TEXT NULL,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;
