import { config } from "../config.js";
import { pool, type Queryable } from "../db.js";
import { hashToken, looksLikeToken, newToken } from "./tokens.js";

export interface Session {
  id: string;
  userId: string;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

interface SessionRow {
  id: string;
  user_id: string;
  user_agent: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    userAgent: row.user_agent,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

/** Sessions seen less than this long ago are not written again, to keep hot rows cool. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export async function createSession(
  userId: string,
  userAgent: string | undefined,
  db: Queryable = pool,
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + config.sessionTtlDays * 24 * 3600_000);
  const { rows } = await db.query<SessionRow>(
    `insert into sessions (user_id, token_hash, user_agent, expires_at) values ($1, $2, $3, $4) returning *`,
    [userId, hashToken(token), userAgent?.slice(0, 255) ?? null, expiresAt],
  );
  return { token, session: toSession(rows[0]!) };
}

export async function resolveSession(token: string | undefined, db: Queryable = pool): Promise<Session | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const { rows } = await db.query<SessionRow>(
    `select * from sessions where token_hash = $1 and revoked_at is null and expires_at > now()`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.query(`update sessions set last_seen_at = now() where id = $1`, [row.id]);
  }
  return toSession(row);
}

export async function revokeSession(sessionId: string, userId: string, db: Queryable = pool): Promise<boolean> {
  const { rowCount } = await db.query(
    `update sessions set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null`,
    [sessionId, userId],
  );
  return (rowCount ?? 0) > 0;
}

/** After a password change or reset every other device has to sign in again. */
export async function revokeAllSessions(userId: string, exceptSessionId?: string, db: Queryable = pool): Promise<number> {
  const { rowCount } = await db.query(
    `update sessions set revoked_at = now()
      where user_id = $1 and revoked_at is null and ($2::uuid is null or id <> $2::uuid)`,
    [userId, exceptSessionId ?? null],
  );
  return rowCount ?? 0;
}

export async function listSessions(userId: string, db: Queryable = pool): Promise<Session[]> {
  const { rows } = await db.query<SessionRow>(
    `select * from sessions where user_id = $1 and revoked_at is null and expires_at > now() order by last_seen_at desc`,
    [userId],
  );
  return rows.map(toSession);
}
