-- foreign keys off
-- Names cost two B-tree searches instead of four: most reads name a person
-- with a subquery from a membership's id to its user's display name, and in a
-- table with a rowid each of those is a search of the primary key's index and
-- then of the table. `users` and `memberships` are rebuilt as WITHOUT ROWID
-- tables, which are their primary key. Their rows are small and seldom
-- written, where WITHOUT ROWID is at its best.
--
-- SQLite's own way to change a table that others refer to: the migrator runs
-- this migration on a connection with foreign keys off (the first line asks
-- for it; see migrate.rs), so dropping the old table neither cascades nor
-- fails, and the references in the other tables, which name `users` and
-- `memberships`, point at the new tables once they carry those names. The
-- migration fails, and changes nothing, if a row of the new tables refers to
-- nothing.
-- PostgreSQL has no rowid: ../postgres/0032_names_without_rowid.sql changes nothing.

CREATE TABLE users_new (
    id                TEXT PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    display_name      TEXT NOT NULL,
    password_hash     TEXT,
    locale            TEXT NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
    created_at        INTEGER NOT NULL,
    email_verified_at INTEGER,
    disabled_at       INTEGER
) STRICT, WITHOUT ROWID;
INSERT INTO users_new (id, email, display_name, password_hash, locale, created_at, email_verified_at, disabled_at)
    SELECT id, email, display_name, password_hash, locale, created_at, email_verified_at, disabled_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE memberships_new (
    id               TEXT PRIMARY KEY,
    circle_id        TEXT NOT NULL REFERENCES circles (id),
    user_id          TEXT NOT NULL REFERENCES users (id),
    role             TEXT NOT NULL CHECK (role IN ('client', 'representative', 'relative', 'volunteer', 'professional', 'coordinator')),
    relation         TEXT NOT NULL DEFAULT '',
    contact_person   INTEGER NOT NULL DEFAULT 0 CHECK (contact_person IN (0, 1)),
    manager          INTEGER NOT NULL DEFAULT 0 CHECK (manager IN (0, 1)),
    contact_audience TEXT NOT NULL DEFAULT 'circle' CHECK (contact_audience IN ('circle', 'professionals', 'informal')),
    access_until     INTEGER,
    joined_at        INTEGER NOT NULL,
    invited_by       TEXT REFERENCES users (id),
    ended_at         INTEGER,
    ended_by         TEXT REFERENCES users (id),
    end_reason       TEXT CHECK (end_reason IN ('left', 'removed'))
) STRICT, WITHOUT ROWID;
INSERT INTO memberships_new (id, circle_id, user_id, role, relation, contact_person, manager, contact_audience,
        access_until, joined_at, invited_by, ended_at, ended_by, end_reason)
    SELECT id, circle_id, user_id, role, relation, contact_person, manager, contact_audience,
        access_until, joined_at, invited_by, ended_at, ended_by, end_reason FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;

CREATE UNIQUE INDEX memberships_active ON memberships (circle_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX memberships_by_user ON memberships (user_id) WHERE ended_at IS NULL;
CREATE INDEX memberships_by_circle ON memberships (circle_id, role);

-- Every reference of the new tables leads somewhere (the old ones were
-- checked as they were written; this proves the copy).
CREATE TEMP TABLE names_rebuilt_dangling (n INTEGER NOT NULL CHECK (n = 0));
INSERT INTO names_rebuilt_dangling
    SELECT count(*) FROM pragma_foreign_key_check('memberships')
    UNION ALL SELECT count(*) FROM pragma_foreign_key_check('users');
DROP TABLE names_rebuilt_dangling;
