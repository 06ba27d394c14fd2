-- The circle's audit view lists records newest first by the time they
-- happened (a read is recorded when its answer goes out, so a later
-- sequence number can carry an earlier time).
CREATE INDEX audit_log_by_circle_time ON audit_log (circle_id, at, seq);
