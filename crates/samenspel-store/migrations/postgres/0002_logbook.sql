-- The logbook: entries with an audience, their edit history, replies,
-- reactions, read receipts ("gezien door"), attachments (bytes kept in the
-- database, so they share its transactions and backups), notification
-- settings per membership, and full-text search.
-- Kept in step with ../sqlite/0002_logbook.sql (a test compares them).

CREATE TABLE entries (
    id               TEXT PRIMARY KEY,
    circle_id        TEXT NOT NULL REFERENCES circles (id),
    author_member_id TEXT NOT NULL REFERENCES memberships (id),
    kind             TEXT NOT NULL CHECK (kind IN ('update', 'moment', 'concern', 'question', 'thanks')),
    audience         TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    body             TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    edited_at        BIGINT,
    revision         BIGINT NOT NULL DEFAULT 1,
    deleted_at       BIGINT,
    deleted_by       TEXT REFERENCES memberships (id),
    status           TEXT NOT NULL DEFAULT 'none' CHECK (status IN ('none', 'open', 'answered', 'closed')),
    answered_by      TEXT REFERENCES memberships (id),
    closed_at        BIGINT,
    closed_by        TEXT REFERENCES memberships (id),
    reply_count      BIGINT NOT NULL DEFAULT 0
);
-- The timeline, newest first, for keyset pagination.
CREATE INDEX entries_timeline ON entries (circle_id, created_at, id);
CREATE INDEX entries_unresolved ON entries (circle_id, created_at) WHERE status IN ('open', 'answered');

-- Who may see an entry with audience 'chosen' (besides its author).
CREATE TABLE entry_audience (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (entry_id, member_id)
);

-- Whom a thank-you is addressed to.
CREATE TABLE entry_recipients (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (entry_id, member_id)
);
CREATE INDEX entry_recipients_by_member ON entry_recipients (member_id);

-- Earlier versions of an entry's text, kept when it is edited.
CREATE TABLE entry_revisions (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    revision  BIGINT NOT NULL,
    body      TEXT NOT NULL,
    written_at BIGINT NOT NULL,
    PRIMARY KEY (entry_id, revision)
);

CREATE TABLE replies (
    id               TEXT PRIMARY KEY,
    entry_id         TEXT NOT NULL REFERENCES entries (id),
    author_member_id TEXT NOT NULL REFERENCES memberships (id),
    body             TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    deleted_at       BIGINT,
    deleted_by       TEXT REFERENCES memberships (id)
);
CREATE INDEX replies_by_entry ON replies (entry_id, created_at);

CREATE TABLE reactions (
    entry_id   TEXT NOT NULL REFERENCES entries (id),
    member_id  TEXT NOT NULL REFERENCES memberships (id),
    reaction   TEXT NOT NULL CHECK (reaction IN ('thanks', 'seen', 'heart')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (entry_id, member_id, reaction)
);

-- "Gezien door": who has seen an entry, and when first.
CREATE TABLE entry_reads (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    member_id TEXT NOT NULL REFERENCES memberships (id),
    read_at   BIGINT NOT NULL,
    PRIMARY KEY (entry_id, member_id)
);

CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    entry_id     TEXT NOT NULL REFERENCES entries (id),
    position     BIGINT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('image', 'pdf')),
    content_type TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    byte_size    BIGINT NOT NULL,
    width        BIGINT,
    height       BIGINT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX attachments_by_entry ON attachments (entry_id, position);

-- The bytes: 'full' (re-encoded image or the PDF) and, for images, 'thumb'.
CREATE TABLE attachment_data (
    attachment_id TEXT NOT NULL REFERENCES attachments (id),
    variant       TEXT NOT NULL CHECK (variant IN ('full', 'thumb')),
    data          BYTEA NOT NULL,
    PRIMARY KEY (attachment_id, variant)
);

-- Per membership: how and when to be told about the logbook.
CREATE TABLE notification_settings (
    member_id      TEXT PRIMARY KEY REFERENCES memberships (id),
    immediate      BOOLEAN NOT NULL DEFAULT TRUE,
    digest         TEXT NOT NULL DEFAULT 'weekly' CHECK (digest IN ('off', 'daily', 'weekly')),
    quiet_from     BIGINT,
    quiet_until    BIGINT,
    last_digest_at BIGINT,
    next_digest_at BIGINT
);
CREATE INDEX notification_settings_due ON notification_settings (next_digest_at);

-- Per membership: every entry written before `caught_up_at` that the member
-- may see has been seen (or was written by them). Counting what is new starts
-- there instead of at the circle's first entry, so it costs what is recent,
-- not the whole history. Kept up by the store whenever entries are seen.
CREATE TABLE logbook_progress (
    member_id    TEXT PRIMARY KEY REFERENCES memberships (id),
    caught_up_at BIGINT NOT NULL
);

-- Search with the Dutch text-search configuration (stemming: "wandelingen"
-- finds "wandeling"); SQLite uses an FTS5 table instead. `fastupdate` is off:
-- entries are written by hand, a few at a time, and a pending list would be
-- read in full by every search until autovacuum merges it.
CREATE INDEX entries_search ON entries USING GIN (to_tsvector('dutch', body)) WITH (fastupdate = off)
    WHERE deleted_at IS NULL;
