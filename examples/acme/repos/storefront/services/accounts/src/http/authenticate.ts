import type { FastifyReply, FastifyRequest } from "fastify";
import { config } from "../config.js";
import { resolveSession, type Session } from "../sessions/session-service.js";
import { DomainError } from "./error-handler.js";

export const SESSION_COOKIE = "acme_sid";

declare module "fastify" {
  interface FastifyRequest {
    session?: Session;
  }
}

export async function requireSession(request: FastifyRequest): Promise<void> {
  const session = await resolveSession(request.cookies[SESSION_COOKIE]);
  if (!session) {
    throw new DomainError("unauthenticated", "Please sign in again.", 401);
  }
  request.session = session;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    domain: config.cookieDomain,
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { domain: config.cookieDomain, path: "/" });
}
