-- Single sign-on (OpenID Connect). A sign-in on its way to the provider:
-- its state (hashed), the browser it was started in (a hashed cookie), the
-- PKCE verifier and the nonce; used once, within minutes.
CREATE TABLE sso_attempts (
    state_hash TEXT PRIMARY KEY,
    browser_hash TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    next TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at INTEGER
) STRICT;
CREATE INDEX sso_attempts_by_age ON sso_attempts (created_at);

-- Which account a provider's subject signs in to: linked the first time by
-- a verified e-mail address the account already has.
CREATE TABLE sso_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, subject)
) STRICT;
CREATE INDEX sso_identities_by_user ON sso_identities (user_id);
