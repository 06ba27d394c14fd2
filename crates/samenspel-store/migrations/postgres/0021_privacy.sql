-- A person's privacy requests (export, correct, delete) and when each was
-- answered: the GDPR gives a month, self-service answers at once. Kept after
-- an account is deleted, as proof that the request was honoured.
CREATE TABLE privacy_requests (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    kind         TEXT NOT NULL CHECK (kind IN ('export', 'correct', 'delete')),
    requested_at BIGINT NOT NULL,
    answered_at  BIGINT
);
CREATE INDEX privacy_requests_by_user ON privacy_requests (user_id, requested_at);

-- An export reads what a person wrote by authorship.
CREATE INDEX entries_by_author ON entries (author_member_id);
CREATE INDEX replies_by_author ON replies (author_member_id);
