CREATE TABLE ledger_transactions (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind       text NOT NULL,
  reference  text NOT NULL,
  currency   char(3) NOT NULL,
  posted_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, reference)
);

CREATE TABLE ledger_lines (
  id              bigserial PRIMARY KEY,
  transaction_id  uuid NOT NULL REFERENCES ledger_transactions (id),
  account         text NOT NULL,
  debit_minor     bigint NOT NULL DEFAULT 0 CHECK (debit_minor >= 0),
  credit_minor    bigint NOT NULL DEFAULT 0 CHECK (credit_minor >= 0),
  CHECK (debit_minor = 0 OR credit_minor = 0)
);

CREATE INDEX ledger_lines_account_idx ON ledger_lines (account);
CREATE INDEX ledger_transactions_posted_idx ON ledger_transactions (posted_at);
