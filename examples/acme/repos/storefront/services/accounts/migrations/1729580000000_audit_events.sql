-- Up Migration
create table audit_events (
  id bigserial primary key,
  who uuid,
  what text not null,
  target text not null,
  "when" timestamptz not null,
  ip inet,
  metadata jsonb not null default '{}'
);

create index audit_events_who_idx on audit_events (who, "when" desc);

-- Down Migration
drop table audit_events;
