-- The worker reads users / notification_preferences / email_suppressions from the accounts
-- schema (read-only grant) and owns only this table.
CREATE TABLE IF NOT EXISTS notification_log (
  message_id      text PRIMARY KEY,
  user_id         uuid NOT NULL,
  type            text NOT NULL,
  ses_message_id  text,
  sent_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS notification_log_user_idx ON notification_log (user_id, sent_at DESC);
