-- A thank-you card is a logbook "thanks" entry with a picture from a small
-- set. A volunteer check-in may be shared with the coordinators (shared_at).
-- A carer's chosen rhythm for check-in reminders.
-- Kept in step with ../postgres/0010_appreciation_reminders.sql (a test compares them).

ALTER TABLE entries ADD COLUMN card TEXT CHECK (card IN ('sun', 'flower', 'heart', 'coffee', 'star'));

ALTER TABLE questionnaire_responses ADD COLUMN shared_at INTEGER;

CREATE TABLE checkin_reminders (
    member_id   TEXT PRIMARY KEY REFERENCES memberships (id),
    circle_id   TEXT NOT NULL REFERENCES circles (id),
    instrument  TEXT NOT NULL,
    every_weeks INTEGER NOT NULL CHECK (every_weeks IN (1, 2, 4, 8, 13)),
    next_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX checkin_reminders_due ON checkin_reminders (next_at);
