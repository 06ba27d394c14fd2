-- "New for you" as rows (issue 16): one row per member and entry they have
-- not seen yet, written with the entry for everyone in the circle but its
-- writer, removed when they see it. Counting and listing what is new then
-- read the reader's own rows, newest first, and never walk the circle's
-- history (the old way walked every entry since the reader caught up, which
-- for a reader whose own entries filled the window was all of them).
-- Whether the reader may see an entry is still decided when reading.
-- Rows older than the 90-day window are purged by the hourly job.
-- Kept in step with ../sqlite/0030_unseen.sql (a test compares them).

CREATE TABLE entry_unseen (
    member_id  TEXT NOT NULL REFERENCES memberships (id),
    created_at BIGINT NOT NULL,
    entry_id   TEXT NOT NULL REFERENCES entries (id),
    PRIMARY KEY (member_id, created_at, entry_id)
);
CREATE INDEX entry_unseen_by_entry ON entry_unseen (entry_id);
CREATE INDEX entry_unseen_by_age ON entry_unseen (created_at);

-- What was new when this version arrived: entries of the last 90 days, after
-- the member joined and after where they had caught up, not their own, not
-- removed, and not read.
INSERT INTO entry_unseen (member_id, created_at, entry_id)
SELECT m.id, e.created_at, e.id
FROM entries e
JOIN memberships m ON m.circle_id = e.circle_id
LEFT JOIN logbook_progress p ON p.member_id = m.id
WHERE m.ended_at IS NULL
  AND e.deleted_at IS NULL
  AND e.author_member_id <> m.id
  AND e.created_at >= m.joined_at
  AND e.created_at >= COALESCE(p.caught_up_at, 0)
  AND e.created_at >= (CAST(extract(epoch FROM now()) AS BIGINT) - 90 * 86400) * 1000
  AND NOT EXISTS (SELECT 1 FROM entry_reads r WHERE r.entry_id = e.id AND r.member_id = m.id);

-- The "caught up" mark only bounded the old walk.
DROP TABLE logbook_progress;
