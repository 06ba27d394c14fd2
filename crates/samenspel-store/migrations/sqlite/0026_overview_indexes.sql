-- The circle's overview without walking its history (issue 16).
-- Open concerns and questions, newest first: the partial index now holds
-- the whole sort key (created_at, id), so the planner reads it backwards
-- instead of walking every entry of the circle on entries_timeline.
DROP INDEX entries_unresolved;
CREATE INDEX entries_unresolved ON entries (circle_id, created_at, id) WHERE status IN ('open', 'answered');
-- One kind of entry, newest first (the overview's thank-you cards of the
-- last month, the logbook filtered by kind): without it every entry of the
-- period is read to find the few of that kind.
CREATE INDEX entries_by_kind ON entries (circle_id, kind, created_at, id);
