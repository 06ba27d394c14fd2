-- Kept in step with ../sqlite/0032_names_without_rowid.sql, which rebuilds
-- `users` and `memberships` as WITHOUT ROWID tables so that a name costs two
-- B-tree searches instead of four. PostgreSQL tables have no rowid: its
-- primary-key index already leads to the row, so nothing changes here.
SELECT 1;
