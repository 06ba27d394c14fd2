-- The organisation's own tools (issue 14), first part: the samenspelmonitor.
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

-- A carer signal shared with the coordinator is followed up by someone: the
-- monitor counts how many were, the coach's inbox sets it.
ALTER TABLE care_signals ADD COLUMN followed_up_at INTEGER;
ALTER TABLE care_signals ADD COLUMN followed_up_by TEXT REFERENCES users (id);

-- The monitor counts per location and period without reading content.
CREATE INDEX circles_by_location ON circles (location_id);
CREATE INDEX care_signals_by_circle ON care_signals (circle_id, shared_at);
