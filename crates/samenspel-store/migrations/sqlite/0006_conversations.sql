-- Conversations held with a guide (family start, "In gesprek", review): who
-- took part, the answers per question, and the agreements made from them.
-- Audience as in the logbook; 'chosen' means: only those who took part.
-- Kept in step with ../postgres/0006_conversations.sql (a test compares them).

CREATE TABLE conversations (
    id          TEXT PRIMARY KEY,
    circle_id   TEXT NOT NULL REFERENCES circles (id),
    guide       TEXT NOT NULL CHECK (guide IN ('family_start', 'collaboration', 'review')),
    held_on     TEXT NOT NULL,
    audience    TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    others      TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES memberships (id),
    recorded_at INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES memberships (id)
) STRICT;
CREATE INDEX conversations_circle ON conversations (circle_id, held_on);

CREATE TABLE conversation_participants (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    member_id       TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (conversation_id, member_id)
) STRICT;

CREATE TABLE conversation_answers (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    question        TEXT NOT NULL,
    answer          TEXT NOT NULL,
    PRIMARY KEY (conversation_id, question)
) STRICT;

-- An agreement made from a conversation's answer. Ending either ends the link.
CREATE TABLE conversation_agreements (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    agreement_id    TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, agreement_id)
) STRICT;
CREATE INDEX conversation_agreements_agreement ON conversation_agreements (agreement_id);
