import type { FastifyInstance } from "fastify";
import { recordAuditEvent } from "../audit.js";
import { DomainError } from "../http/error-handler.js";
import { completePasswordReset, requestPasswordReset } from "../password-reset/password-reset-service.js";
import { resetCompleteBody, resetRequestBody } from "../schemas.js";
import { isBreached } from "../security/breached-passwords.js";
import { normalizeEmail } from "../users/email.js";
import { checkPasswordPolicy } from "../users/password.js";
import { findByEmail, findById } from "../users/user-repository.js";
import { sendNotification } from "../notifications/notify.js";

export async function passwordResetRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { email: string } }>(
    "/v1/password-resets",
    { schema: { body: resetRequestBody }, config: { rateLimit: { max: 5, timeWindow: "15 minutes" } } },
    async (request, reply) => {
      const key = normalizeEmail(request.body.email);
      const user = await findByEmail(key);
      await recordAuditEvent(user?.id ?? null, "user.password_reset_requested", `email:${key}`, { request });
      if (user) {
        await requestPasswordReset(user);
      }
      // same answer whether or not the account exists, so the endpoint cannot be used to find customers
      return reply.status(202).send({ message: "If an account exists for this address, we've sent a link." });
    },
  );

  app.post<{ Body: { token: string; password: string } }>(
    "/v1/password-resets/complete",
    { schema: { body: resetCompleteBody } },
    async (request, reply) => {
      const { token, password } = request.body;
      if (await isBreached(password)) {
        throw new DomainError("password_breached", "This password has appeared in a data breach.", 422, "password");
      }
      const outcome = await completePasswordReset(token, password);
      if (!outcome.ok) {
        const message =
          outcome.reason === "expired"
            ? "This link has expired. Please request a new one."
            : "This link is no longer valid. Please request a new one.";
        throw new DomainError(`reset_${outcome.reason}`, message, 410, "token");
      }
      const user = await findById(outcome.userId);
      if (user) {
        const problem = checkPasswordPolicy(password, user.email);
        if (problem) request.log.info({ problem }, "reset password passed schema but not policy");
        await sendNotification({
          template: "password_changed",
          to: user.email,
          data: { givenName: user.givenName ?? "" },
          dedupeKey: `password-changed-${user.id}-${Date.now()}`,
        }).catch((err: unknown) => request.log.warn({ err }, "password changed email not queued"));
      }
      await recordAuditEvent(outcome.userId, "user.password_reset_completed", `user:${outcome.userId}`, {
        request,
        token,
      });
      return reply.status(204).send();
    },
  );
}
