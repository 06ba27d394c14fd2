-- A location's own agenda (issue 5): its volunteer rota (the living-room
-- host, duo-bike rides) and open meetings (family evenings, "lege stoel"
-- meetings) that anyone in the location's circles may join, each with a
-- limit of places. Items repeat as circle agenda items do; people join an
-- occurrence by its original date, as users (they may be in several of the
-- location's circles).
-- Kept in step with ../sqlite/0014_location_agenda.sql (a test compares them).

CREATE TABLE location_items (
    id             TEXT PRIMARY KEY,
    location_id    TEXT NOT NULL REFERENCES locations (id),
    kind           TEXT NOT NULL CHECK (kind IN ('shift', 'activity')),
    title          TEXT NOT NULL,
    place          TEXT NOT NULL,
    notes          TEXT NOT NULL,
    starts_at      TEXT NOT NULL,
    length_minutes BIGINT,
    whole_days     BIGINT,
    repeat         TEXT NOT NULL CHECK (repeat IN ('once', 'daily', 'weekly', 'monthly')),
    every          BIGINT NOT NULL,
    weekdays       TEXT NOT NULL,
    until_on       TEXT,
    times          BIGINT,
    places         BIGINT NOT NULL,
    created_by     TEXT NOT NULL REFERENCES users (id),
    created_at     BIGINT NOT NULL,
    CHECK ((length_minutes IS NULL) <> (whole_days IS NULL))
);
CREATE INDEX location_items_location ON location_items (location_id);

CREATE TABLE location_signups (
    item_id   TEXT NOT NULL REFERENCES location_items (id) ON DELETE CASCADE,
    on_date   TEXT NOT NULL,
    user_id   TEXT NOT NULL REFERENCES users (id),
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, on_date, user_id)
);
