-- The logbook: entries with an audience, their edit history, replies,
-- reactions, read receipts ("gezien door"), attachments (bytes kept in the
-- database, so they share its transactions and backups), notification
-- settings per membership, and full-text search.
-- Kept in step with ../postgres/0002_logbook.sql (a test compares them).

CREATE TABLE entries (
    id               TEXT PRIMARY KEY,
    circle_id        TEXT NOT NULL REFERENCES circles (id),
    author_member_id TEXT NOT NULL REFERENCES memberships (id),
    kind             TEXT NOT NULL CHECK (kind IN ('update', 'moment', 'concern', 'question', 'thanks')),
    audience         TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    body             TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    edited_at        INTEGER,
    revision         INTEGER NOT NULL DEFAULT 1,
    deleted_at       INTEGER,
    deleted_by       TEXT REFERENCES memberships (id),
    status           TEXT NOT NULL DEFAULT 'none' CHECK (status IN ('none', 'open', 'answered', 'closed')),
    answered_by      TEXT REFERENCES memberships (id),
    closed_at        INTEGER,
    closed_by        TEXT REFERENCES memberships (id),
    reply_count      INTEGER NOT NULL DEFAULT 0
) STRICT;
-- The timeline, newest first, for keyset pagination.
CREATE INDEX entries_timeline ON entries (circle_id, created_at, id);
CREATE INDEX entries_unresolved ON entries (circle_id, created_at) WHERE status IN ('open', 'answered');

-- Who may see an entry with audience 'chosen' (besides its author).
CREATE TABLE entry_audience (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (entry_id, member_id)
) STRICT;

-- Whom a thank-you is addressed to.
CREATE TABLE entry_recipients (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (entry_id, member_id)
) STRICT;
CREATE INDEX entry_recipients_by_member ON entry_recipients (member_id);

-- Earlier versions of an entry's text, kept when it is edited.
CREATE TABLE entry_revisions (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    revision  INTEGER NOT NULL,
    body      TEXT NOT NULL,
    written_at INTEGER NOT NULL,
    PRIMARY KEY (entry_id, revision)
) STRICT;

CREATE TABLE replies (
    id               TEXT PRIMARY KEY,
    entry_id         TEXT NOT NULL REFERENCES entries (id),
    author_member_id TEXT NOT NULL REFERENCES memberships (id),
    body             TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    deleted_at       INTEGER,
    deleted_by       TEXT REFERENCES memberships (id)
) STRICT;
CREATE INDEX replies_by_entry ON replies (entry_id, created_at);

CREATE TABLE reactions (
    entry_id   TEXT NOT NULL REFERENCES entries (id),
    member_id  TEXT NOT NULL REFERENCES memberships (id),
    reaction   TEXT NOT NULL CHECK (reaction IN ('thanks', 'seen', 'heart')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (entry_id, member_id, reaction)
) STRICT;

-- "Gezien door": who has seen an entry, and when first.
CREATE TABLE entry_reads (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    member_id TEXT NOT NULL REFERENCES memberships (id),
    read_at   INTEGER NOT NULL,
    PRIMARY KEY (entry_id, member_id)
) STRICT;

CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    entry_id     TEXT NOT NULL REFERENCES entries (id),
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('image', 'pdf')),
    content_type TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    byte_size    INTEGER NOT NULL,
    width        INTEGER,
    height       INTEGER,
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX attachments_by_entry ON attachments (entry_id, position);

-- The bytes: 'full' (re-encoded image or the PDF) and, for images, 'thumb'.
CREATE TABLE attachment_data (
    attachment_id TEXT NOT NULL REFERENCES attachments (id),
    variant       TEXT NOT NULL CHECK (variant IN ('full', 'thumb')),
    data          BLOB NOT NULL,
    PRIMARY KEY (attachment_id, variant)
) STRICT;

-- Per membership: how and when to be told about the logbook.
CREATE TABLE notification_settings (
    member_id      TEXT PRIMARY KEY REFERENCES memberships (id),
    immediate      INTEGER NOT NULL DEFAULT 1 CHECK (immediate IN (0, 1)),
    digest         TEXT NOT NULL DEFAULT 'weekly' CHECK (digest IN ('off', 'daily', 'weekly')),
    quiet_from     INTEGER,
    quiet_until    INTEGER,
    last_digest_at INTEGER,
    next_digest_at INTEGER
) STRICT;
CREATE INDEX notification_settings_due ON notification_settings (next_digest_at);

-- Per membership: every entry written before `caught_up_at` that the member
-- may see has been seen (or was written by them). Counting what is new starts
-- there instead of at the circle's first entry, so it costs what is recent,
-- not the whole history. Kept up by the store whenever entries are seen.
CREATE TABLE logbook_progress (
    member_id    TEXT PRIMARY KEY REFERENCES memberships (id),
    caught_up_at INTEGER NOT NULL
) STRICT;

-- Search: the entry texts, folded for accents ("cliënt" finds "client").
-- PostgreSQL uses a GIN index with the Dutch text-search configuration instead.
-- The index is contentless (the text lives in `entries` only) and keyed by
-- `entries_fts_rows.id`: an entry's own rowid may change on VACUUM, and a
-- text key in the index could only be found by reading all of it. `circle`
-- holds the entry's circle as one word, so a search stays within its circle
-- inside the index.
CREATE TABLE entries_fts_rows (
    id       INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE REFERENCES entries (id)
) STRICT;
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    circle, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
