-- Five years of agenda history for the demo circle, for instructions.sh
-- (DATA_SQL): a one-off appointment every week before today, 260 in all, as
-- a circle that has used its agenda for years has. The schema is the one
-- before 0033 (no reaches_until), so either binary can serve it.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 260)
INSERT INTO agenda_items (id, circle_id, kind, title, place, notes, elsewhere, starts_at, length_minutes,
    whole_days, repeat, every, weekdays, until_on, times, places, audience, created_by, created_at, updated_at,
    revision)
SELECT printf('00000000-0000-4000-8000-%012d', i), :circle, 'appointment', 'Controle huisarts', 'Praktijk', '', 0,
    date('now', printf('-%d days', 7 * i)) || 'T10:00', 60, NULL, 'once', 1, '', NULL, NULL, 0, 'circle',
    :member, 0, 0, 0
FROM n;
