CREATE TABLE idempotency_keys (
  caller         text NOT NULL,
  key            text NOT NULL,
  request_hash   text NOT NULL,
  status_code    int,
  response_body  jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  PRIMARY KEY (caller, key)
);
