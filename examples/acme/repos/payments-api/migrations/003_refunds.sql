CREATE TABLE refunds (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  charge_id      uuid NOT NULL REFERENCES charges (id),
  amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
  currency       char(3) NOT NULL,
  reason         text NOT NULL,
  status         text NOT NULL,
  processor_ref  text,
  requested_by   text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refunds_charge_idx ON refunds (charge_id);
CREATE UNIQUE INDEX refunds_processor_ref_idx ON refunds (processor_ref) WHERE processor_ref IS NOT NULL;
