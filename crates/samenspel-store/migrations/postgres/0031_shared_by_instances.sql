-- What several Samenspel instances on one database must share (issue 16),
-- kept in the database instead of in each process or data directory.
-- Kept in step with ../sqlite/0031_shared_by_instances.sql (a test compares them).

-- Rate limits: one fixed window per limit and key. The key is a hash of
-- what is limited (an address, an IP address, an account), never the value
-- itself. Windows are at most an hour long; the hourly job deletes the ones
-- that ended a day ago.
CREATE TABLE rate_windows (
    limit_name TEXT NOT NULL,
    key_hash   TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    hits       BIGINT NOT NULL,
    PRIMARY KEY (limit_name, key_hash)
);
CREATE INDEX rate_windows_by_start ON rate_windows (started_at);

-- The secret key for CSRF tokens and signed links, when the settings do not
-- give one: the first instance to start puts its key here (the one in its
-- data directory, or a new one) and every instance uses this one.
CREATE TABLE instance_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
