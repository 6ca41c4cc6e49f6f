import type { FastifyInstance } from "fastify";
import { recordAuditEvent } from "../audit.js";
import { clearSessionCookie, requireSession, setSessionCookie } from "../http/authenticate.js";
import { DomainError } from "../http/error-handler.js";
import { loginBody } from "../schemas.js";
import { LoginThrottle } from "../security/login-throttle.js";
import { createSession, listSessions, revokeSession } from "../sessions/session-service.js";
import { normalizeEmail } from "../users/email.js";
import { hashPassword, needsRehash, verifyPassword } from "../users/password.js";
import { findByEmail, updatePasswordHash } from "../users/user-repository.js";

const throttle = new LoginThrottle();
setInterval(() => throttle.sweep(), 60_000).unref();

// verifying against a dummy hash keeps "no such user" as slow as "wrong password"
const DUMMY_HASH = await hashPassword("not-a-real-password-but-long-enough");

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { email: string; password: string } }>(
    "/v1/sessions",
    { schema: { body: loginBody }, config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const key = normalizeEmail(request.body.email);
      const wait = throttle.retryAfter(key);
      if (wait > 0) {
        void reply.header("retry-after", Math.ceil(wait / 1000));
        throw new DomainError("too_many_attempts", "Too many attempts. Please wait a moment and try again.", 429);
      }

      const user = await findByEmail(key);
      const valid = await verifyPassword(request.body.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !valid) {
        throttle.recordFailure(key);
        await recordAuditEvent(user?.id ?? null, "user.login_failed", `email:${key}`, { request });
        throw new DomainError("invalid_credentials", "Email or password is incorrect.", 401);
      }

      throttle.recordSuccess(key);
      if (needsRehash(user.passwordHash)) {
        await updatePasswordHash(user.id, await hashPassword(request.body.password));
      }
      const { token, session } = await createSession(user.id, request.headers["user-agent"]);
      await recordAuditEvent(user.id, "user.logged_in", `session:${session.id}`, { request });
      setSessionCookie(reply, token, session.expiresAt);
      const { passwordHash: _hash, ...publicUser } = user;
      return reply.status(201).send({ user: publicUser });
    },
  );

  app.delete("/v1/sessions/current", { preHandler: requireSession }, async (request, reply) => {
    const session = request.session!;
    await revokeSession(session.id, session.userId);
    await recordAuditEvent(session.userId, "user.logged_out", `session:${session.id}`, { request });
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get("/v1/sessions", { preHandler: requireSession }, async (request) => {
    const sessions = await listSessions(request.session!.userId);
    return { sessions: sessions.map((s) => ({ ...s, current: s.id === request.session!.id })) };
  });

  app.delete<{ Params: { id: string } }>("/v1/sessions/:id", { preHandler: requireSession }, async (request, reply) => {
    const revoked = await revokeSession(request.params.id, request.session!.userId);
    if (!revoked) throw new DomainError("not_found", "No such session.", 404);
    await recordAuditEvent(request.session!.userId, "session.revoked", `session:${request.params.id}`, { request });
    return reply.status(204).send();
  });
}
