import type { FastifyInstance } from "fastify";
import { recordAuditEvent } from "../audit.js";
import { requireSession } from "../http/authenticate.js";
import { DomainError } from "../http/error-handler.js";
import { sendNotification } from "../notifications/notify.js";
import { changeEmailBody, changePasswordBody, profileUpdateBody } from "../schemas.js";
import { isBreached } from "../security/breached-passwords.js";
import { revokeAllSessions } from "../sessions/session-service.js";
import { isPlausibleEmail, normalizeEmail } from "../users/email.js";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../users/password.js";
import {
  EmailTakenError,
  findByEmail,
  findById,
  updateEmail,
  updatePasswordHash,
  updateProfile,
} from "../users/user-repository.js";

interface ProfileUpdate {
  givenName?: string | null;
  familyName?: string | null;
  marketingOptIn?: boolean;
}

async function checkCurrentPassword(email: string, password: string): Promise<void> {
  const user = await findByEmail(normalizeEmail(email));
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new DomainError("invalid_credentials", "Your current password is incorrect.", 403, "currentPassword");
  }
}

export async function profileRoutes(app: FastifyInstance): Promise<void> {
  app.addHook("preHandler", requireSession);

  app.get("/v1/profile", async (request) => {
    const user = await findById(request.session!.userId);
    if (!user) throw new DomainError("not_found", "Account not found.", 404);
    return { user };
  });

  app.patch<{ Body: ProfileUpdate }>("/v1/profile", { schema: { body: profileUpdateBody } }, async (request) => {
    const user = await updateProfile(request.session!.userId, request.body);
    await recordAuditEvent(user.id, "user.profile_updated", `user:${user.id}`, {
      request,
      fields: Object.keys(request.body).join(","),
    });
    return { user };
  });

  app.put<{ Body: { email: string; currentPassword: string } }>(
    "/v1/profile/email",
    { schema: { body: changeEmailBody } },
    async (request, reply) => {
      const user = await findById(request.session!.userId);
      if (!user) throw new DomainError("not_found", "Account not found.", 404);
      if (!isPlausibleEmail(request.body.email)) {
        throw new DomainError("invalid_email", "Please check your email address.", 422, "email");
      }
      await checkCurrentPassword(user.email, request.body.currentPassword);
      try {
        await updateEmail(user.id, request.body.email.trim(), normalizeEmail(request.body.email));
      } catch (err) {
        if (err instanceof EmailTakenError) {
          throw new DomainError("email_taken", "An account with this email already exists.", 409, "email");
        }
        throw err;
      }
      // tell the old address, in case this was not the account owner
      await sendNotification({
        template: "email_changed",
        to: user.email,
        data: { givenName: user.givenName ?? "", newEmail: request.body.email },
        dedupeKey: `email-changed-${user.id}-${normalizeEmail(request.body.email)}`,
      }).catch((err: unknown) => request.log.warn({ err }, "email changed notice not queued"));
      await recordAuditEvent(user.id, "user.email_changed", `user:${user.id}`, { request, from: user.email });
      return reply.status(204).send();
    },
  );

  app.put<{ Body: { currentPassword: string; newPassword: string } }>(
    "/v1/profile/password",
    { schema: { body: changePasswordBody } },
    async (request, reply) => {
      const user = await findById(request.session!.userId);
      if (!user) throw new DomainError("not_found", "Account not found.", 404);
      await checkCurrentPassword(user.email, request.body.currentPassword);
      const problem = checkPasswordPolicy(request.body.newPassword, user.email);
      if (problem) throw new DomainError(`password_${problem}`, "Please choose a stronger password.", 422, "newPassword");
      if (await isBreached(request.body.newPassword)) {
        throw new DomainError("password_breached", "This password has appeared in a data breach.", 422, "newPassword");
      }
      await updatePasswordHash(user.id, await hashPassword(request.body.newPassword));
      const revoked = await revokeAllSessions(user.id, request.session!.id);
      await recordAuditEvent(user.id, "user.password_changed", `user:${user.id}`, { request, revokedSessions: revoked });
      return reply.status(204).send();
    },
  );
}
