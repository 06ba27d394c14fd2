-- How far each agenda item reaches: the last day one of its occurrences can
-- still be going on (`Series::reaches_until` in samenspel-core), or
-- 2099-12-31 for a series without end. A read of the coming weeks takes only
-- the items that reach them, through the index below, instead of loading and
-- expanding every item the circle ever had. The store writes it whenever an
-- item or one of its occurrences changes.
-- Kept in step with ../sqlite/0033_agenda_reach.sql.
ALTER TABLE agenda_items ADD COLUMN reaches_until TEXT NOT NULL DEFAULT '2099-12-31';

-- Items that are there already: a one-off item reaches from its day, a
-- series with an end date from that date, an occurrence moved later from
-- where it moved to; then the days its length may reach. A series that ends
-- after a number of times keeps 2099-12-31 (an upper bound, so nothing is
-- left out) until it is next changed.
UPDATE agenda_items SET reaches_until = LEAST('2099-12-31', to_char(
    GREATEST(known.own, COALESCE(known.moved, known.own))::date
      + (CASE WHEN agenda_items.length_minutes IS NOT NULL THEN LEAST(agenda_items.length_minutes / 1440 + 2, 400)
              ELSE LEAST(agenda_items.whole_days + 1, 400) END)::integer,
    'YYYY-MM-DD'))
FROM (
    SELECT i.id AS item,
           CASE WHEN i.repeat = 'once' THEN substr(i.starts_at, 1, 10) ELSE i.until_on END AS own,
           (SELECT max(substr(e.moved_to, 1, 10)) FROM agenda_exceptions e
             WHERE e.item_id = i.id AND NOT e.cancelled AND e.moved_to IS NOT NULL) AS moved
    FROM agenda_items i
    WHERE i.repeat = 'once' OR i.until_on IS NOT NULL
) AS known
WHERE agenda_items.id = known.item;

DROP INDEX agenda_items_circle;
CREATE INDEX agenda_items_circle ON agenda_items (circle_id, reaches_until);
