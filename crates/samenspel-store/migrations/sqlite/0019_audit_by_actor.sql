-- The circle's audit view can list one person's records ("who looked at
-- what about me", filtered by person), newest first.
CREATE INDEX audit_log_by_circle_actor_time ON audit_log (circle_id, actor_user_id, at, seq);
