-- How long an organisation keeps an archived circle, in days; NULL keeps it
-- until someone deletes it. After that the retention job deletes the circle
-- and everything in it (the audit trail keeps its own records).
ALTER TABLE organisations ADD COLUMN retention_days BIGINT CHECK (retention_days IS NULL OR retention_days BETWEEN 1 AND 36500);

-- A sent e-mail's address and text are no longer kept with its job.
UPDATE jobs SET payload = '' WHERE done_at IS NOT NULL;
