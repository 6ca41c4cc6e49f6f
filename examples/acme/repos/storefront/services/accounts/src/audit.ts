import type { FastifyRequest } from "fastify";
import { pool, type Queryable } from "./db.js";

export type AuditAction =
  | "user.signed_up"
  | "user.logged_in"
  | "user.login_failed"
  | "user.logged_out"
  | "user.password_changed"
  | "user.password_reset_requested"
  | "user.password_reset_completed"
  | "user.email_changed"
  | "user.profile_updated"
  | "session.revoked";

export interface AuditEvent {
  who: string | null;
  what: AuditAction;
  target: string;
  when: string;
  ip: string | null;
  metadata: Record<string, unknown>;
}

const SECRET_KEYS = /token|password|secret|code/i;
const MAX_VALUE_LENGTH = 256;

function scrub(metadata: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (SECRET_KEYS.test(key)) {
      clean[key] = "[removed]";
    } else if (typeof value === "string" && value.length > MAX_VALUE_LENGTH) {
      clean[key] = `${value.slice(0, MAX_VALUE_LENGTH)}…`;
    } else {
      clean[key] = value;
    }
  }
  return clean;
}

/** The client address as seen by the load balancer: first entry of x-forwarded-for. */
export function clientIp(request: FastifyRequest): string | null {
  const forwarded = request.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || request.ip || null;
}

/**
 * Security-relevant account events, kept for 400 days for fraud investigations and GDPR access
 * requests. `userId` is null when nobody is signed in (failed logins, reset requests).
 */
export async function recordAuditEvent(
  userId: string | null,
  event: AuditAction,
  target: string,
  metadata: Record<string, unknown> & { request?: FastifyRequest } = {},
  db: Queryable = pool,
): Promise<AuditEvent> {
  const { request, ...rest } = metadata;
  const entry: AuditEvent = {
    who: userId,
    what: event,
    target,
    when: new Date().toISOString(),
    ip: request ? clientIp(request) : null,
    metadata: scrub({ ...rest, userAgent: request?.headers["user-agent"] }),
  };
  await db.query(
    `insert into audit_events (who, what, target, "when", ip, metadata) values ($1, $2, $3, $4, $5, $6)`,
    [entry.who, entry.what, entry.target, entry.when, entry.ip, entry.metadata],
  );
  return entry;
}
