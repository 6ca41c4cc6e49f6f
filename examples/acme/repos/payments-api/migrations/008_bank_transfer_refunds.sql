CREATE TABLE bank_transfer_refunds (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  charge_id       uuid NOT NULL REFERENCES charges (id),
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  currency        char(3) NOT NULL,
  account_holder  text NOT NULL,
  iban            text NOT NULL,
  status          text NOT NULL DEFAULT 'queued',
  requested_by    text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  paid_at         timestamptz
);

CREATE INDEX bank_transfer_refunds_status_idx ON bank_transfer_refunds (status);
