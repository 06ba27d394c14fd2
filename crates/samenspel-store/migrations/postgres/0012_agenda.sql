-- The agenda and the rota (issue 5). An item is a series in the circle's
-- time zone: its first local start, its length, and how it repeats; one
-- occurrence can be cancelled or moved (agenda_exceptions). A shift needs
-- `places` people per occurrence; members sign up for an occurrence by its
-- original date. Swaps hand a place to another member, who accepts.
-- Kept in step with ../sqlite/0012_agenda.sql (a test compares them).

CREATE TABLE agenda_items (
    id             TEXT PRIMARY KEY,
    circle_id      TEXT NOT NULL REFERENCES circles (id),
    kind           TEXT NOT NULL CHECK (kind IN ('appointment', 'activity', 'shift')),
    title          TEXT NOT NULL,
    place          TEXT NOT NULL,
    notes          TEXT NOT NULL,
    elsewhere      BOOLEAN NOT NULL,
    starts_at      TEXT NOT NULL,
    length_minutes BIGINT,
    whole_days     BIGINT,
    repeat         TEXT NOT NULL CHECK (repeat IN ('once', 'daily', 'weekly', 'monthly')),
    every          BIGINT NOT NULL,
    weekdays       TEXT NOT NULL,
    until_on       TEXT,
    times          BIGINT,
    places         BIGINT NOT NULL,
    audience       TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    created_by     TEXT NOT NULL REFERENCES memberships (id),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    revision       BIGINT NOT NULL,
    CHECK ((length_minutes IS NULL) <> (whole_days IS NULL))
);
CREATE INDEX agenda_items_circle ON agenda_items (circle_id);

CREATE TABLE agenda_chosen (
    item_id   TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (item_id, member_id)
);

-- Who goes along to an appointment or activity.
CREATE TABLE agenda_along (
    item_id   TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (item_id, member_id)
);
CREATE INDEX agenda_along_member ON agenda_along (member_id);

-- One occurrence cancelled, or moved to another local start.
CREATE TABLE agenda_exceptions (
    item_id     TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    original_on TEXT NOT NULL,
    cancelled   BOOLEAN NOT NULL,
    moved_to    TEXT,
    PRIMARY KEY (item_id, original_on)
);

CREATE TABLE shift_signups (
    item_id      TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    on_date      TEXT NOT NULL,
    member_id    TEXT NOT NULL REFERENCES memberships (id),
    signed_up_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    -- When the reminder the day before went out.
    reminded_at  BIGINT,
    PRIMARY KEY (item_id, on_date, member_id)
);
CREATE INDEX shift_signups_member ON shift_signups (member_id, on_date);

CREATE TABLE shift_swaps (
    id          TEXT PRIMARY KEY,
    item_id     TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    from_member TEXT NOT NULL REFERENCES memberships (id),
    to_member   TEXT NOT NULL REFERENCES memberships (id),
    return_item TEXT REFERENCES agenda_items (id) ON DELETE CASCADE,
    return_on   TEXT,
    status      TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn')),
    created_at  BIGINT NOT NULL,
    decided_at  BIGINT
);
CREATE INDEX shift_swaps_to ON shift_swaps (to_member, status);

-- "Find cover": an open occurrence asks the members who are free and
-- helped least recently, one at a time, until someone takes it.
CREATE TABLE cover_searches (
    item_id    TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    started_by TEXT NOT NULL REFERENCES memberships (id),
    started_at BIGINT NOT NULL,
    done_at    BIGINT,
    PRIMARY KEY (item_id, on_date)
);

CREATE TABLE cover_asks (
    item_id     TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    member_id   TEXT NOT NULL REFERENCES memberships (id),
    asked_at    BIGINT NOT NULL,
    declined_at BIGINT,
    PRIMARY KEY (item_id, on_date, member_id)
);

-- A member's secret calendar address (iCalendar feed); only its hash is kept.
CREATE TABLE calendar_feeds (
    user_id    TEXT PRIMARY KEY REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
