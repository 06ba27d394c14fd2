-- Foundation: accounts, sessions, organisations, circles, members,
-- invitations, API tokens, the job outbox, idempotency keys and the audit chain.
-- Kept in step with ../sqlite/0001_foundation.sql: same tables, columns and
-- nullability (a test compares them). Times are Unix milliseconds (BIGINT here,
-- INTEGER on SQLite); ids are UUIDv7 text.

CREATE TABLE users (
    id                TEXT PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    display_name      TEXT NOT NULL,
    password_hash     TEXT,
    locale            TEXT NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
    created_at        BIGINT NOT NULL,
    email_verified_at BIGINT,
    disabled_at       BIGINT
);

CREATE TABLE organisations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE locations (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX locations_by_organisation ON locations (organisation_id);

CREATE TABLE organisation_staff (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    role            TEXT NOT NULL CHECK (role IN ('admin', 'coordinator')),
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id, role)
);
CREATE INDEX organisation_staff_by_user ON organisation_staff (user_id);

CREATE TABLE circles (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT REFERENCES organisations (id),
    location_id     TEXT REFERENCES locations (id),
    client_name     TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    created_by      TEXT NOT NULL REFERENCES users (id),
    created_at      BIGINT NOT NULL,
    archived_at     BIGINT,
    archived_by     TEXT REFERENCES users (id)
);

CREATE TABLE memberships (
    id               TEXT PRIMARY KEY,
    circle_id        TEXT NOT NULL REFERENCES circles (id),
    user_id          TEXT NOT NULL REFERENCES users (id),
    role             TEXT NOT NULL CHECK (role IN ('client', 'representative', 'relative', 'volunteer', 'professional', 'coordinator')),
    relation         TEXT NOT NULL DEFAULT '',
    contact_person   BOOLEAN NOT NULL DEFAULT FALSE,
    manager          BOOLEAN NOT NULL DEFAULT FALSE,
    contact_audience TEXT NOT NULL DEFAULT 'circle' CHECK (contact_audience IN ('circle', 'professionals', 'informal')),
    access_until     BIGINT,
    joined_at        BIGINT NOT NULL,
    invited_by       TEXT REFERENCES users (id),
    ended_at         BIGINT,
    ended_by         TEXT REFERENCES users (id),
    end_reason       TEXT CHECK (end_reason IN ('left', 'removed'))
);
-- One active membership per person per circle; ended ones stay for the record.
CREATE UNIQUE INDEX memberships_active ON memberships (circle_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX memberships_by_user ON memberships (user_id) WHERE ended_at IS NULL;

CREATE TABLE invitations (
    id             TEXT PRIMARY KEY,
    circle_id      TEXT NOT NULL REFERENCES circles (id),
    token_hash     TEXT NOT NULL UNIQUE,
    email          TEXT,
    role           TEXT NOT NULL CHECK (role IN ('client', 'representative', 'relative', 'volunteer', 'professional', 'coordinator')),
    relation       TEXT NOT NULL DEFAULT '',
    contact_person BOOLEAN NOT NULL DEFAULT FALSE,
    manager        BOOLEAN NOT NULL DEFAULT FALSE,
    access_until   BIGINT,
    message        TEXT NOT NULL DEFAULT '',
    invited_by     TEXT NOT NULL REFERENCES users (id),
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    accepted_at    BIGINT,
    accepted_by    TEXT REFERENCES users (id),
    revoked_at     BIGINT,
    revoked_by     TEXT REFERENCES users (id)
);
CREATE INDEX invitations_by_circle ON invitations (circle_id, created_at);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      TEXT NOT NULL REFERENCES users (id),
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    revoked_at   BIGINT,
    user_agent   TEXT NOT NULL DEFAULT '',
    ip           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE sign_in_links (
    id            TEXT PRIMARY KEY,
    token_hash    TEXT NOT NULL UNIQUE,
    user_id       TEXT NOT NULL REFERENCES users (id),
    invitation_id TEXT REFERENCES invitations (id),
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    used_at       BIGINT
);
CREATE INDEX sign_in_links_by_user ON sign_in_links (user_id);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- A retried form post or API call with the same key returns the first result.
CREATE TABLE idempotency_keys (
    user_id    TEXT NOT NULL REFERENCES users (id),
    key        TEXT NOT NULL,
    result     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- The outbox: written in the same transaction as the change that causes it.
CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    run_at       BIGINT NOT NULL,
    attempts     BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL,
    locked_until BIGINT,
    locked_by    TEXT,
    last_error   TEXT,
    created_at   BIGINT NOT NULL,
    done_at      BIGINT,
    failed_at    BIGINT
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;

-- The audit chain. No foreign keys: records outlive what they describe.
CREATE TABLE audit_log (
    seq           BIGINT PRIMARY KEY,
    at            BIGINT NOT NULL,
    actor_user_id TEXT,
    actor_name    TEXT NOT NULL,
    circle_id     TEXT,
    operation     TEXT NOT NULL,
    action        TEXT NOT NULL,
    object_type   TEXT NOT NULL,
    object_id     TEXT,
    outcome       TEXT NOT NULL,
    ip            TEXT,
    user_agent    TEXT,
    request_id    TEXT,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE INDEX audit_log_by_circle ON audit_log (circle_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- The end of the chain, updated with every append (and locked while appending).
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
