-- Changes in the situation, and the agreements each marked for review.
-- A change stays open until the review conversation has taken place.
-- Kept in step with ../postgres/0005_changes.sql (a test compares them).

CREATE TABLE change_events (
    id          TEXT PRIMARY KEY,
    circle_id   TEXT NOT NULL REFERENCES circles (id),
    kind        TEXT NOT NULL CHECK (kind IN ('moved_to_care_home', 'moved_home', 'professional_changed', 'carer_availability', 'more_care', 'less_care', 'other')),
    description TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    review_by   TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES memberships (id),
    recorded_at INTEGER NOT NULL,
    closed_at   INTEGER,
    closed_by   TEXT REFERENCES memberships (id)
) STRICT;
CREATE INDEX change_events_open ON change_events (circle_id) WHERE closed_at IS NULL;

CREATE TABLE change_event_agreements (
    change_id    TEXT NOT NULL REFERENCES change_events (id),
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    PRIMARY KEY (change_id, agreement_id)
) STRICT;
