ALTER TABLE charges ADD COLUMN fraud_score smallint;

CREATE TABLE fraud_signals (
  id          bigserial PRIMARY KEY,
  charge_id   uuid NOT NULL REFERENCES charges (id),
  rule        text NOT NULL,
  score       smallint NOT NULL,
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX fraud_signals_charge_idx ON fraud_signals (charge_id);
