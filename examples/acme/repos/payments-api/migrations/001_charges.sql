CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE payment_methods (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL,
  token        text NOT NULL,
  brand        text,
  last4        char(4),
  bin          char(6),
  country      char(2),
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX payment_methods_customer_idx ON payment_methods (customer_id, created_at DESC);

CREATE TABLE charges (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id        text NOT NULL,
  customer_id     uuid NOT NULL,
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  currency        char(3) NOT NULL,
  status          text NOT NULL,
  capture_mode    text NOT NULL DEFAULT 'automatic',
  processor       text NOT NULL,
  processor_ref   text,
  decline_code    text,
  captured_minor  bigint NOT NULL DEFAULT 0,
  refunded_minor  bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX charges_order_idx ON charges (order_id);
CREATE INDEX charges_customer_created_idx ON charges (customer_id, created_at);
CREATE UNIQUE INDEX charges_processor_ref_idx ON charges (processor, processor_ref) WHERE processor_ref IS NOT NULL;
