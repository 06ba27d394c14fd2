-- Reminders of my shifts and requests to cover one can be stopped on their
-- own, from the one-click link in those e-mails (RFC 8058), without
-- stopping the news about the circle. NULL (every row before this) means
-- yes, as it did.
ALTER TABLE notification_settings ADD COLUMN shift_mail INTEGER CHECK (shift_mail IN (0, 1));
