-- A second factor (issue 15, part 2): TOTP codes from an authenticator app,
-- recovery codes, remembered devices and the short wait between the first
-- factor and the code.

-- An organisation may require a second factor of everyone in its circles.
ALTER TABLE organisations ADD COLUMN require_second_factor BOOLEAN NOT NULL DEFAULT FALSE;

-- When a code was last entered in this session (step-up before the audit
-- trail and exports), and whether the session must set up a factor before
-- anything else (signed in without one where one is required).
ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT;
ALTER TABLE sessions ADD COLUMN must_set_up BOOLEAN NOT NULL DEFAULT FALSE;

-- One authenticator app per account. The secret is sealed with the
-- server's key (AES-GCM), so a copy of the database alone does not give the
-- codes. confirmed_at is NULL while it is being set up; last_step is the
-- last time step a code was used for, so no code works twice.
CREATE TABLE second_factors (
    user_id      TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    last_step    BIGINT
);

-- Ten one-time recovery codes, shown once; only their SHA-256 is kept.
CREATE TABLE recovery_codes (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- "Dit apparaat 30 dagen onthouden": the cookie's token hash, revocable.
CREATE TABLE remembered_devices (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    browser    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX remembered_devices_user ON remembered_devices (user_id);

-- The first factor passed, the code not yet given: no session yet, only
-- this short-lived record behind a cookie token (its hash kept).
CREATE TABLE pending_sign_ins (
    id         TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    next       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX pending_sign_ins_user ON pending_sign_ins (user_id);
