-- A reused Idempotency-Key with another request answers 422 instead of
-- replaying the first result (issue 17 #8; IETF draft
-- httpapi-idempotency-key-header): beside each key, a fingerprint of the
-- request it was first used for (SHA-256 of method, path and body, hex).
-- Empty for keys stored before, and for page forms, which replay as before.
ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT;
