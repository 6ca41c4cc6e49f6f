-- PAY-214: one fallback attempt per declined charge
ALTER TABLE charges ADD COLUMN retried_at timestamptz;
