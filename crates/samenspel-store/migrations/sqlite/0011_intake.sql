-- The intake guide. SQLite cannot change a CHECK constraint, so the
-- conversation tables are rebuilt: the new tables are filled first and the
-- old ones dropped children-first, so no ON DELETE CASCADE ever fires; the
-- renames carry the foreign keys over to the final names.
-- Kept in step with ../postgres/0011_intake.sql (a test compares them).

CREATE TABLE conversations_new (
    id          TEXT PRIMARY KEY,
    circle_id   TEXT NOT NULL REFERENCES circles (id),
    guide       TEXT NOT NULL CHECK (guide IN ('family_start', 'collaboration', 'review', 'intake')),
    held_on     TEXT NOT NULL,
    audience    TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    others      TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES memberships (id),
    recorded_at INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES memberships (id)
) STRICT;
INSERT INTO conversations_new SELECT id, circle_id, guide, held_on, audience, others, recorded_by, recorded_at,
    updated_at, updated_by FROM conversations;

CREATE TABLE conversation_participants_new (
    conversation_id TEXT NOT NULL REFERENCES conversations_new (id) ON DELETE CASCADE,
    member_id       TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (conversation_id, member_id)
) STRICT;
INSERT INTO conversation_participants_new SELECT conversation_id, member_id FROM conversation_participants;

CREATE TABLE conversation_answers_new (
    conversation_id TEXT NOT NULL REFERENCES conversations_new (id) ON DELETE CASCADE,
    question        TEXT NOT NULL,
    answer          TEXT NOT NULL,
    PRIMARY KEY (conversation_id, question)
) STRICT;
INSERT INTO conversation_answers_new SELECT conversation_id, question, answer FROM conversation_answers;

CREATE TABLE conversation_agreements_new (
    conversation_id TEXT NOT NULL REFERENCES conversations_new (id) ON DELETE CASCADE,
    agreement_id    TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, agreement_id)
) STRICT;
INSERT INTO conversation_agreements_new SELECT conversation_id, agreement_id FROM conversation_agreements;

DROP TABLE conversation_agreements;
DROP TABLE conversation_answers;
DROP TABLE conversation_participants;
DROP TABLE conversations;

ALTER TABLE conversations_new RENAME TO conversations;
ALTER TABLE conversation_participants_new RENAME TO conversation_participants;
ALTER TABLE conversation_answers_new RENAME TO conversation_answers;
ALTER TABLE conversation_agreements_new RENAME TO conversation_agreements;

CREATE INDEX conversations_circle ON conversations (circle_id, held_on);
CREATE INDEX conversation_agreements_agreement ON conversation_agreements (agreement_id);
