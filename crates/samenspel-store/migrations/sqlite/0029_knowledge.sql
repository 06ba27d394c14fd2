-- Knowledge an organisation shares (issue 14, fifth part): its FAQ with every
-- version kept, the staff quiz's counts (nobody's own answers), and each
-- location's placemat of what relatives may do.
-- Kept in step with ../postgres/0029_knowledge.sql (a test compares them).

CREATE TABLE faq_entries (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    topic           TEXT NOT NULL CHECK (topic IN ('family', 'legal', 'practice', 'other')),
    question        TEXT NOT NULL,
    answer          TEXT NOT NULL,
    starter         INTEGER NOT NULL CHECK (starter IN (0, 1)),
    version         INTEGER NOT NULL,
    updated_by      TEXT REFERENCES users (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX faq_entries_by_organisation ON faq_entries (organisation_id, topic);

-- Every text an entry had, the current one included.
CREATE TABLE faq_versions (
    entry_id   TEXT NOT NULL REFERENCES faq_entries (id),
    version    INTEGER NOT NULL,
    topic      TEXT NOT NULL,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    written_by TEXT REFERENCES users (id),
    written_at INTEGER NOT NULL,
    PRIMARY KEY (entry_id, version)
) STRICT;

-- How often each option of each quiz question was chosen, and how many
-- rounds were taken: counts only, never who answered what.
CREATE TABLE quiz_tally (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    question        TEXT NOT NULL,
    option          TEXT NOT NULL,
    chosen          INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, question, option)
) STRICT;

CREATE TABLE quiz_rounds (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    rounds          INTEGER NOT NULL
) STRICT;

CREATE TABLE placemat_items (
    id          TEXT PRIMARY KEY,
    location_id TEXT NOT NULL REFERENCES locations (id),
    text        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    updated_by  TEXT REFERENCES users (id),
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX placemat_items_by_location ON placemat_items (location_id, position);
