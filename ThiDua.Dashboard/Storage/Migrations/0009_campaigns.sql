-- 0009: campaigns as data (issue 15). A campaign is a row with its rules as JSON; every table that
-- belongs to one campaign carries campaign_id, and a unit's code is unique within its campaign only.
-- Whatever this database held before becomes campaign 1; at start the app fills campaign 1's code,
-- name and rules from ThiDua:Campaign (rules_json IS NULL marks it as not yet filled).
-- Runs with foreign_keys off (SqliteDatabase.MigrateAsync), as SQLite's table-rebuild procedure asks,
-- and is checked with foreign_key_check before it commits.

CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name         TEXT NOT NULL,
    period_start TEXT NULL CHECK (period_start IS NULL OR date(period_start) IS period_start),
    period_end   TEXT NULL CHECK (period_end IS NULL OR date(period_end) IS period_end),
    status       TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
    is_default   INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    rules_json   TEXT NULL CHECK (rules_json IS NULL OR json_valid(rules_json)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    -- A draft may be the default only if it is the first campaign being filled; the app keeps it so.
    CHECK (is_default = 0 OR status <> 'draft')
) STRICT;

-- At most one default here; "at least one" is kept by the app, which moves it in one transaction.
CREATE UNIQUE INDEX campaigns_one_default ON campaigns (is_default) WHERE is_default = 1;

INSERT INTO campaigns (id, code, name, status, is_default, rules_json, created_at, updated_at)
VALUES (1, '~settings', '', 'active', 1, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- Units: the key becomes (campaign, code). Children below are rebuilt to point at that key.
CREATE TABLE units_new (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
    code          TEXT NOT NULL CHECK (length(code) > 0),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    block         TEXT NOT NULL CHECK (length(block) > 0),
    district      TEXT NULL,
    active_from   TEXT NULL CHECK (active_from IS NULL OR date(active_from) IS active_from),
    active_to     TEXT NULL CHECK (active_to IS NULL OR date(active_to) IS active_to),
    merged_into   TEXT NULL,
    registered_on TEXT NULL CHECK (registered_on IS NULL OR date(registered_on) IS registered_on),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    nq02          TEXT NULL CHECK (nq02 IS NULL OR nq02 IN ('met', 'notMet')),
    nq02_note     TEXT NULL CHECK (nq02_note IS NULL OR length(nq02_note) <= 1000),
    PRIMARY KEY (campaign_id, code),
    -- Deferred so that a merged unit and the unit it merges into can be written in any order.
    FOREIGN KEY (campaign_id, merged_into) REFERENCES units (campaign_id, code) DEFERRABLE INITIALLY DEFERRED,
    CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to),
    CHECK (merged_into IS NULL OR merged_into <> code)
) STRICT;
INSERT INTO units_new (campaign_id, code, name, block, district, active_from, active_to, merged_into, registered_on,
                       created_at, updated_at, nq02, nq02_note)
SELECT 1, code, name, block, district, active_from, active_to, merged_into, registered_on, created_at, updated_at, nq02, nq02_note
FROM units;

-- A unit's lineage: the codes of the units it continues. A code is looked up in the same campaign
-- first, then in earlier campaigns (the app resolves it; a predecessor may be last year's unit).
CREATE TABLE unit_predecessors (
    campaign_id INTEGER NOT NULL,
    unit        TEXT NOT NULL,
    predecessor TEXT NOT NULL CHECK (length(predecessor) > 0),
    PRIMARY KEY (campaign_id, unit, predecessor),
    FOREIGN KEY (campaign_id, unit) REFERENCES units (campaign_id, code) ON DELETE CASCADE,
    CHECK (predecessor <> unit)
) STRICT;
-- The lineage the old schema already knew: a unit merged into another is that unit's predecessor.
INSERT INTO unit_predecessors (campaign_id, unit, predecessor)
SELECT 1, merged_into, code FROM units WHERE merged_into IS NOT NULL;

-- Tables that only gain their campaign (existing rows are campaign 1's).
ALTER TABLE batches ADD COLUMN campaign_id INTEGER NOT NULL DEFAULT 1 REFERENCES campaigns (id);
ALTER TABLE city_ratings ADD COLUMN campaign_id INTEGER NOT NULL DEFAULT 1 REFERENCES campaigns (id);
ALTER TABLE proposal_transitions ADD COLUMN campaign_id INTEGER NOT NULL DEFAULT 1 REFERENCES campaigns (id);
ALTER TABLE meeting_minutes ADD COLUMN campaign_id INTEGER NOT NULL DEFAULT 1 REFERENCES campaigns (id);
CREATE INDEX batches_by_campaign ON batches (campaign_id, version);
CREATE INDEX city_ratings_by_campaign ON city_ratings (campaign_id, id);
CREATE INDEX proposal_transitions_by_campaign ON proposal_transitions (campaign_id, id);
CREATE INDEX meeting_minutes_by_campaign ON meeting_minutes (campaign_id, id);

-- Tables that refer to a unit: rebuilt so the reference is (campaign, code).
CREATE TABLE figures_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id     INTEGER NOT NULL REFERENCES batches (id),
    campaign_id  INTEGER NOT NULL,
    unit         TEXT NOT NULL,
    indicator    TEXT NOT NULL CHECK (length(indicator) > 0),
    as_of        TEXT NOT NULL CHECK (date(as_of) IS as_of),
    numerator    INTEGER NOT NULL CHECK (numerator >= 0),
    denominator  INTEGER NULL CHECK (denominator IS NULL OR denominator >= 0),
    source       TEXT NOT NULL CHECK (length(source) > 0),
    submitted_by TEXT NOT NULL CHECK (length(submitted_by) > 0),
    received_at  TEXT NOT NULL,
    FOREIGN KEY (campaign_id, unit) REFERENCES units (campaign_id, code),
    CHECK ((indicator = 'dossiers') = (denominator IS NULL))
) STRICT;
INSERT INTO figures_new (id, batch_id, campaign_id, unit, indicator, as_of, numerator, denominator, source, submitted_by, received_at)
SELECT id, batch_id, 1, unit, indicator, as_of, numerator, denominator, source, submitted_by, received_at FROM figures;

CREATE TABLE committee_nominations_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id  INTEGER NOT NULL,
    block        TEXT NOT NULL CHECK (length(block) > 0),
    slot         TEXT NOT NULL CHECK (length(slot) > 0),
    unit         TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('nominate', 'withdraw')),
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    submitted_by TEXT NOT NULL CHECK (length(submitted_by) > 0),
    recorded_at  TEXT NOT NULL,
    FOREIGN KEY (campaign_id, unit) REFERENCES units (campaign_id, code)
) STRICT;
INSERT INTO committee_nominations_new (id, campaign_id, block, slot, unit, action, reason, submitted_by, recorded_at)
SELECT id, 1, block, slot, unit, action, reason, submitted_by, recorded_at FROM committee_nominations;

CREATE TABLE award_individuals_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id  INTEGER NOT NULL,
    full_name    TEXT NOT NULL CHECK (length(full_name) > 0),
    position     TEXT NOT NULL CHECK (length(position) > 0),
    unit         TEXT NOT NULL,
    achievement  TEXT NOT NULL CHECK (length(achievement) > 0),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    removed_by   TEXT NULL,
    removed_at   TEXT NULL,
    duty         TEXT NULL CHECK (duty IS NULL OR duty IN ('motCua', 'kiemSoatTthc')),
    FOREIGN KEY (campaign_id, unit) REFERENCES units (campaign_id, code)
) STRICT;
INSERT INTO award_individuals_new (id, campaign_id, full_name, position, unit, achievement, created_by, created_at, removed_by, removed_at, duty)
SELECT id, 1, full_name, position, unit, achievement, created_by, created_at, removed_by, removed_at, duty FROM award_individuals;

CREATE TABLE registrations_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id     INTEGER NOT NULL,
    unit            TEXT NOT NULL,
    document_number TEXT NULL CHECK (document_number IS NULL OR (length(trim(document_number)) > 0 AND length(document_number) <= 100)),
    document_date   TEXT NULL CHECK (document_date IS NULL OR date(document_date) IS document_date),
    submitted_on    TEXT NOT NULL CHECK (date(submitted_on) IS submitted_on),
    submitted_by    TEXT NOT NULL CHECK (length(submitted_by) > 0),
    recorded_at     TEXT NOT NULL,
    FOREIGN KEY (campaign_id, unit) REFERENCES units (campaign_id, code)
) STRICT;
INSERT INTO registrations_new (id, campaign_id, unit, document_number, document_date, submitted_on, submitted_by, recorded_at)
SELECT id, 1, unit, document_number, document_date, submitted_on, submitted_by, recorded_at FROM registrations;

-- Dropping a table drops its triggers and indexes; with foreign keys off it deletes nothing first.
DROP TABLE figures;
DROP TABLE committee_nominations;
DROP TABLE award_individuals;
DROP TABLE registrations;
DROP TABLE units;
ALTER TABLE units_new RENAME TO units;
ALTER TABLE figures_new RENAME TO figures;
ALTER TABLE committee_nominations_new RENAME TO committee_nominations;
ALTER TABLE award_individuals_new RENAME TO award_individuals;
ALTER TABLE registrations_new RENAME TO registrations;

CREATE INDEX units_merged_into ON units (campaign_id, merged_into);
CREATE INDEX figures_by_unit ON figures (campaign_id, unit, id);
CREATE INDEX figures_by_batch ON figures (batch_id);
CREATE INDEX figures_by_campaign ON figures (campaign_id, id);
CREATE INDEX committee_nominations_slot ON committee_nominations (campaign_id, block, slot, unit, id);
CREATE INDEX award_individuals_by_campaign ON award_individuals (campaign_id, id);
CREATE INDEX registrations_unit ON registrations (campaign_id, unit, id);

CREATE TRIGGER figures_no_update BEFORE UPDATE ON figures
BEGIN
    SELECT RAISE(ABORT, 'figures are append-only: UPDATE refused');
END;

CREATE TRIGGER figures_no_delete BEFORE DELETE ON figures
BEGIN
    SELECT RAISE(ABORT, 'figures are append-only: DELETE refused');
END;

-- A figure belongs to its batch's campaign.
CREATE TRIGGER figures_campaign_matches_batch BEFORE INSERT ON figures
WHEN NEW.campaign_id IS NOT (SELECT campaign_id FROM batches WHERE id = NEW.batch_id)
BEGIN
    SELECT RAISE(ABORT, 'figures.campaign_id must equal its batch''s campaign_id');
END;

CREATE TRIGGER committee_nominations_no_update BEFORE UPDATE ON committee_nominations
BEGIN
    SELECT RAISE(ABORT, 'committee_nominations are append-only: record a withdrawal instead');
END;

CREATE TRIGGER committee_nominations_no_delete BEFORE DELETE ON committee_nominations
BEGIN
    SELECT RAISE(ABORT, 'committee_nominations are append-only: record a withdrawal instead');
END;

CREATE TRIGGER registrations_no_update BEFORE UPDATE ON registrations
BEGIN
    SELECT RAISE(ABORT, 'registrations are append-only: send a new registration instead');
END;

CREATE TRIGGER registrations_no_delete BEFORE DELETE ON registrations
BEGIN
    SELECT RAISE(ABORT, 'registrations are append-only: send a new registration instead');
END;

-- A closed campaign is read-only everywhere. The API refuses such writes with a 409 before they get here;
-- these triggers make sure no other way in (a page, a background job) can add to a closed campaign.
CREATE TRIGGER batches_campaign_open BEFORE INSERT ON batches
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;

CREATE TRIGGER committee_nominations_campaign_open BEFORE INSERT ON committee_nominations
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;

CREATE TRIGGER award_individuals_campaign_open BEFORE INSERT ON award_individuals
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;

CREATE TRIGGER registrations_campaign_open BEFORE INSERT ON registrations
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;

CREATE TRIGGER city_ratings_campaign_open BEFORE INSERT ON city_ratings
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;

CREATE TRIGGER proposal_transitions_campaign_open BEFORE INSERT ON proposal_transitions
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;

CREATE TRIGGER meeting_minutes_campaign_open BEFORE INSERT ON meeting_minutes
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;

CREATE TRIGGER units_campaign_open BEFORE UPDATE ON units
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'campaign closed: read-only');
END;
