import { config } from "../config.js";
import { pool, transaction } from "../db.js";
import { sendNotification } from "../notifications/notify.js";
import { hashToken, looksLikeToken, newToken } from "../sessions/tokens.js";
import { revokeAllSessions } from "../sessions/session-service.js";
import { hashPassword } from "../users/password.js";
import { updatePasswordHash, type User } from "../users/user-repository.js";

const RESET_URL = "https://www.acme.example/account/reset-password";

/** Requests inside this window reuse the pending token's row instead of creating more. */
const MAX_PENDING_PER_USER = 3;

export async function requestPasswordReset(user: User): Promise<void> {
  const { rows } = await pool.query<{ count: string }>(
    `select count(*) from password_resets where user_id = $1 and used_at is null and expires_at > now()`,
    [user.id],
  );
  if (Number(rows[0]?.count ?? 0) >= MAX_PENDING_PER_USER) {
    // silently do nothing: the user already has working links in their inbox
    return;
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + config.passwordResetTtlMinutes * 60_000);
  await pool.query(`insert into password_resets (token_hash, user_id, expires_at) values ($1, $2, $3)`, [
    hashToken(token),
    user.id,
    expiresAt,
  ]);
  await sendNotification({
    template: "password_reset",
    to: user.email,
    data: {
      givenName: user.givenName ?? "",
      resetUrl: `${RESET_URL}?token=${token}`,
      expiresInMinutes: String(config.passwordResetTtlMinutes),
    },
    dedupeKey: `password-reset-${hashToken(token).slice(0, 16)}`,
  });
}

export type ResetOutcome = { ok: true; userId: string } | { ok: false; reason: "invalid" | "expired" | "used" };

export async function completePasswordReset(token: string, newPassword: string): Promise<ResetOutcome> {
  if (!looksLikeToken(token)) return { ok: false, reason: "invalid" };
  const passwordHash = await hashPassword(newPassword);

  return transaction(async (client) => {
    const { rows } = await client.query<{ user_id: string; expires_at: Date; used_at: Date | null }>(
      `select user_id, expires_at, used_at from password_resets where token_hash = $1 for update`,
      [hashToken(token)],
    );
    const reset = rows[0];
    if (!reset) return { ok: false, reason: "invalid" } as const;
    if (reset.used_at) return { ok: false, reason: "used" } as const;
    if (reset.expires_at.getTime() < Date.now()) return { ok: false, reason: "expired" } as const;

    await updatePasswordHash(reset.user_id, passwordHash, client);
    // one link, one reset: burn every other pending link of this user as well
    await client.query(`update password_resets set used_at = now() where user_id = $1 and used_at is null`, [
      reset.user_id,
    ]);
    await revokeAllSessions(reset.user_id, undefined, client);
    return { ok: true, userId: reset.user_id } as const;
  });
}
