-- About the client: "Dit ben ik" (one text per part, every version kept),
-- empathy maps (kept with their date, so the circle sees change) and the
-- wellbeing plan (goals in the client's words; progress lives in the
-- logbook). Each item has an audience as in the logbook; the chosen members
-- of a "chosen" audience sit in the *_chosen tables.
-- Kept in step with ../sqlite/0009_about_client.sql (a test compares them).

CREATE TABLE about_sections (
    id           TEXT PRIMARY KEY,
    circle_id    TEXT NOT NULL REFERENCES circles (id),
    part         TEXT NOT NULL,
    body         TEXT NOT NULL,
    first_person BOOLEAN NOT NULL,
    audience     TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    started_by   TEXT NOT NULL REFERENCES memberships (id),
    written_by   TEXT NOT NULL REFERENCES memberships (id),
    written_at   BIGINT NOT NULL,
    UNIQUE (circle_id, part)
);

CREATE TABLE about_chosen (
    section_id TEXT NOT NULL REFERENCES about_sections (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (section_id, member_id)
);

-- Every version that was ever saved, the current one included.
CREATE TABLE about_versions (
    section_id   TEXT NOT NULL REFERENCES about_sections (id) ON DELETE CASCADE,
    version      BIGINT NOT NULL,
    body         TEXT NOT NULL,
    first_person BOOLEAN NOT NULL,
    written_by   TEXT NOT NULL REFERENCES memberships (id),
    written_at   BIGINT NOT NULL,
    PRIMARY KEY (section_id, version)
);

CREATE TABLE empathy_maps (
    id         TEXT PRIMARY KEY,
    circle_id  TEXT NOT NULL REFERENCES circles (id),
    made_on    TEXT NOT NULL,
    says       TEXT NOT NULL,
    thinks     TEXT NOT NULL,
    does       TEXT NOT NULL,
    feels      TEXT NOT NULL,
    pains      TEXT NOT NULL,
    gains      TEXT NOT NULL,
    made_with  TEXT NOT NULL,
    audience   TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    made_by    TEXT NOT NULL REFERENCES memberships (id),
    updated_at BIGINT NOT NULL
);
CREATE INDEX empathy_maps_circle ON empathy_maps (circle_id, made_on);

CREATE TABLE empathy_map_chosen (
    map_id    TEXT NOT NULL REFERENCES empathy_maps (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (map_id, member_id)
);

CREATE TABLE wellbeing_goals (
    id         TEXT PRIMARY KEY,
    circle_id  TEXT NOT NULL REFERENCES circles (id),
    kind       TEXT NOT NULL CHECK (kind IN ('keep', 'again', 'new')),
    words      TEXT NOT NULL,
    steps      TEXT NOT NULL,
    others     TEXT NOT NULL,
    review_on  TEXT,
    status     TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'stopped')),
    audience   TEXT NOT NULL CHECK (audience IN ('circle', 'professionals', 'informal', 'chosen')),
    created_by TEXT NOT NULL REFERENCES memberships (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX wellbeing_goals_circle ON wellbeing_goals (circle_id);

CREATE TABLE goal_helpers (
    goal_id   TEXT NOT NULL REFERENCES wellbeing_goals (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (goal_id, member_id)
);

CREATE TABLE goal_chosen (
    goal_id   TEXT NOT NULL REFERENCES wellbeing_goals (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES memberships (id),
    PRIMARY KEY (goal_id, member_id)
);

-- Logbook entries that tell how a goal is going.
CREATE TABLE goal_progress (
    goal_id  TEXT NOT NULL REFERENCES wellbeing_goals (id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL REFERENCES entries (id),
    PRIMARY KEY (goal_id, entry_id)
);
CREATE INDEX goal_progress_entry ON goal_progress (entry_id);
