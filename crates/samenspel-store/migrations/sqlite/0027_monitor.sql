-- The organisation's own tools (issue 14), first part: the samenspelmonitor
-- and the coach's inbox.
--
-- Staff of one location: a coach informele zorg (coordinator) or a location
-- manager works for one location and sees nothing of the others. Staff in
-- organisation_staff keep working across the whole organisation.
CREATE TABLE location_staff (
    location_id TEXT NOT NULL REFERENCES locations (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    role        TEXT NOT NULL CHECK (role IN ('coordinator', 'manager')),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (location_id, user_id, role)
) STRICT;
CREATE INDEX location_staff_by_user ON location_staff (user_id);

-- One month's figures of a location or of a whole organisation, kept so a
-- trend survives circles that are archived or deleted later. Counts only:
-- `figures` is the JSON of samenspel_core::monitor::Figures, never content.
CREATE TABLE monitor_snapshots (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    scope_id        TEXT NOT NULL,
    month           TEXT NOT NULL,
    figures         TEXT NOT NULL,
    computed_at     INTEGER NOT NULL,
    PRIMARY KEY (scope_id, month)
) STRICT;
CREATE INDEX monitor_snapshots_by_organisation ON monitor_snapshots (organisation_id, month);

-- This month so far, for a large scope: counted at most every few minutes
-- (by the worker, or by the page that finds it too old) instead of on every
-- look. One row per scope, replaced each time; small scopes are counted live.
CREATE TABLE monitor_live (
    scope_id        TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    month           TEXT NOT NULL,
    figures         TEXT NOT NULL,
    computed_at     INTEGER NOT NULL
) STRICT;

-- A carer signal shared with the coordinator is followed up by someone: the
-- monitor counts how many were, the coach's inbox sets it.
ALTER TABLE care_signals ADD COLUMN followed_up_at INTEGER;
ALTER TABLE care_signals ADD COLUMN followed_up_by TEXT REFERENCES users (id);

-- The coach's inbox: what in a circle needs a person is worked out from the
-- circle itself; this keeps who took an item on and when it was done. An
-- item's key names it ("signal:<id>", "review:<agreement>:<date>", …).
CREATE TABLE inbox_marks (
    circle_id  TEXT NOT NULL REFERENCES circles (id),
    item_key   TEXT NOT NULL,
    claimed_by TEXT REFERENCES users (id),
    claimed_at INTEGER,
    done_by    TEXT REFERENCES users (id),
    done_at    INTEGER,
    PRIMARY KEY (circle_id, item_key)
) STRICT;

-- The social map (sociale kaart): local initiatives an organisation knows
-- of, near one of its locations or in its whole area. No client data.
CREATE TABLE social_map (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    location_id     TEXT REFERENCES locations (id),
    name            TEXT NOT NULL,
    category        TEXT NOT NULL CHECK (category IN ('meeting', 'exercise', 'culture', 'learning', 'support',
                                                      'practical', 'transport', 'meaning', 'other')),
    description     TEXT NOT NULL,
    address         TEXT NOT NULL,
    opening_hours   TEXT NOT NULL,
    contact         TEXT NOT NULL,
    website         TEXT NOT NULL,
    topics          TEXT NOT NULL,
    updated_by      TEXT REFERENCES users (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX social_map_by_organisation ON social_map (organisation_id, name);

-- Practice examples the coaches of one organisation share: a short
-- write-up with topics, never about a client.
CREATE TABLE practice_examples (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    topics          TEXT NOT NULL,
    author_id       TEXT REFERENCES users (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX practice_examples_by_organisation ON practice_examples (organisation_id, updated_at);

-- The monitor counts a location's circles, and each circle's members and
-- what happened in a period, without walking anything else.
CREATE INDEX circles_by_location ON circles (location_id);
CREATE INDEX circles_by_organisation ON circles (organisation_id);
CREATE INDEX memberships_by_circle ON memberships (circle_id, role);
CREATE INDEX care_signals_by_circle ON care_signals (circle_id, shared_at);
CREATE INDEX change_events_by_time ON change_events (circle_id, recorded_at);
CREATE INDEX help_requests_by_time ON help_requests (circle_id, created_at);
