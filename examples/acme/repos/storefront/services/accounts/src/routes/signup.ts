import type { FastifyInstance } from "fastify";
import { recordAuditEvent } from "../audit.js";
import { DomainError } from "../http/error-handler.js";
import { setSessionCookie } from "../http/authenticate.js";
import { sendNotification } from "../notifications/notify.js";
import { signupBody } from "../schemas.js";
import { isBreached } from "../security/breached-passwords.js";
import { createSession } from "../sessions/session-service.js";
import { isPlausibleEmail, normalizeEmail } from "../users/email.js";
import { checkPasswordPolicy, hashPassword } from "../users/password.js";
import { createUser, EmailTakenError } from "../users/user-repository.js";

interface SignupBody {
  email: string;
  password: string;
  givenName?: string;
  marketingOptIn: boolean;
  acceptedTerms: true;
}

const PASSWORD_MESSAGES = {
  too_short: "Use at least 10 characters.",
  too_long: "Use at most 128 characters.",
  same_as_email: "Your password can't be your email address.",
  too_common: "This password is too easy to guess.",
} as const;

export async function signupRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: SignupBody }>("/v1/signup", { schema: { body: signupBody } }, async (request, reply) => {
    const { email, password, givenName, marketingOptIn } = request.body;
    if (!isPlausibleEmail(email)) {
      throw new DomainError("invalid_email", "Please check your email address.", 422, "email");
    }
    const problem = checkPasswordPolicy(password, email);
    if (problem) {
      throw new DomainError(`password_${problem}`, PASSWORD_MESSAGES[problem], 422, "password");
    }
    if (await isBreached(password)) {
      throw new DomainError(
        "password_breached",
        "This password has appeared in a data breach. Please choose another one.",
        422,
        "password",
      );
    }

    let user;
    try {
      user = await createUser({
        email: email.trim(),
        emailNormalized: normalizeEmail(email),
        passwordHash: await hashPassword(password),
        givenName,
        marketingOptIn,
      });
    } catch (err) {
      if (err instanceof EmailTakenError) {
        throw new DomainError("email_taken", "An account with this email already exists.", 409, "email");
      }
      throw err;
    }

    const { token, session } = await createSession(user.id, request.headers["user-agent"]);
    await recordAuditEvent(user.id, "user.signed_up", `user:${user.id}`, { request, marketingOptIn });
    await sendNotification({
      template: "welcome",
      to: user.email,
      data: { givenName: user.givenName ?? "" },
      dedupeKey: `welcome-${user.id}`,
    }).catch((err: unknown) => request.log.warn({ err }, "welcome email not queued"));

    setSessionCookie(reply, token, session.expiresAt);
    return reply.status(201).send({ user });
  });
}
