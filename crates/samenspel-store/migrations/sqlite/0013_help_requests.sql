-- Help requests (issue 5): a one-off task with a time window, asked by a
-- member for themselves or on someone's behalf. Members respond; whoever
-- decides picks a helper, and the task becomes an agenda item with the
-- helper going along.
-- Kept in step with ../postgres/0013_help_requests.sql (a test compares them).

CREATE TABLE help_requests (
    id         TEXT PRIMARY KEY,
    circle_id  TEXT NOT NULL REFERENCES circles (id),
    template   TEXT NOT NULL CHECK (template IN ('ride', 'shopping', 'company', 'respite', 'chore', 'other')),
    title      TEXT NOT NULL,
    details    TEXT NOT NULL,
    window_from  TEXT NOT NULL,
    window_until TEXT NOT NULL,
    asked_by   TEXT NOT NULL REFERENCES memberships (id),
    asked_for  TEXT NOT NULL REFERENCES memberships (id),
    audience   TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    status     TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'withdrawn')),
    helper     TEXT REFERENCES memberships (id),
    item_id    TEXT REFERENCES agenda_items (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    decided_at INTEGER
) STRICT;
CREATE INDEX help_requests_circle ON help_requests (circle_id, status);

CREATE TABLE help_chosen (
    request_id TEXT NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (request_id, member_id)
) STRICT;

CREATE TABLE help_responses (
    request_id TEXT NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL REFERENCES memberships (id),
    message    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (request_id, member_id)
) STRICT;
