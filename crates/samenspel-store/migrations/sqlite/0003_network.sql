-- The network map: contacts around the client who are not members (the GP,
-- the neighbour, the tennis club), and where members stand on the map once
-- somebody has placed them. Category, support and tie follow the ecogram.
-- Kept in step with ../postgres/0003_network.sql (a test compares them).

CREATE TABLE network_contacts (
    id         TEXT PRIMARY KEY,
    circle_id  TEXT NOT NULL REFERENCES circles (id),
    -- Set for a member's place on the map; their name comes from the account.
    member_id  TEXT UNIQUE REFERENCES memberships (id),
    name       TEXT NOT NULL,
    category   TEXT NOT NULL CHECK (category IN ('G', 'F', 'V', 'K', 'B', 'R', 'Z', 'W', 'I')),
    -- Kinds of support as letters in the order P, G, A, E ('' for none).
    support    TEXT NOT NULL,
    tie        TEXT NOT NULL CHECK (tie IN ('supporting', 'neutral', 'strained')),
    closeness  INTEGER NOT NULL CHECK (closeness BETWEEN 1 AND 3),
    note       TEXT NOT NULL,
    reach      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES memberships (id),
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL REFERENCES memberships (id),
    CHECK ((member_id IS NULL) <> (name = ''))
) STRICT;
CREATE INDEX network_contacts_circle ON network_contacts (circle_id);

-- An invitation sent to somebody on the map: when they join, they take the
-- contact's place (their placement carries over, the contact's name and
-- reach details go, since the account now holds them).
ALTER TABLE invitations ADD COLUMN network_contact_id TEXT REFERENCES network_contacts (id) ON DELETE SET NULL;
