-- Passkeys (WebAuthn). One row per credential: its id (base64url, unique
-- across accounts), the name its owner gave it, and the credential as
-- webauthn-rs keeps it (public key, counter, flags; JSON). No secret is
-- stored: the private key never leaves the person's device.
CREATE TABLE passkeys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    credential_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    credential TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
) STRICT;
CREATE INDEX passkeys_by_user ON passkeys (user_id);

-- A ceremony on its way between the two requests: the challenge state
-- (JSON), what it is for, for whom (none for a sign-in that finds its
-- account from the passkey), behind a cookie token (hashed). Used once,
-- within minutes.
CREATE TABLE passkey_ceremonies (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    user_id TEXT REFERENCES users (id),
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX passkey_ceremonies_by_age ON passkey_ceremonies (created_at);
