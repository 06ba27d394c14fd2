-- Web Push (issue 18): a notification channel beside e-mail.
-- Push can be turned off per circle beside the e-mail settings; NULL (every
-- row before this) means on, like shift_mail.
ALTER TABLE notification_settings ADD COLUMN push BOOLEAN;

-- One row per browser that allowed notifications: the push service's
-- address and the browser's keys (RFC 8291). The endpoint is itself a
-- secret capability URL, so it is unique: when another account subscribes
-- the same browser, the row moves to that account.
CREATE TABLE push_subscriptions (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint   TEXT NOT NULL UNIQUE,
    p256dh     TEXT NOT NULL,
    auth       TEXT NOT NULL,
    browser    TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);

-- The instance's VAPID key pair (RFC 8292), made once: a single row, so
-- every instance that shares the database signs with the same key and the
-- browsers' subscriptions stay valid.
CREATE TABLE vapid_keys (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    private_key TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
