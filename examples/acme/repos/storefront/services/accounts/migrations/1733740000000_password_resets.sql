-- Up Migration
create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create index password_resets_user_id_idx on password_resets (user_id) where used_at is null;

-- Down Migration
drop table password_resets;
