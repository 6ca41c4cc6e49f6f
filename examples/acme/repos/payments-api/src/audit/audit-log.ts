import { createLogger, format, transports } from "winston";

/**
 * Audit trail for anything that moves money or changes who can. Goes to its own channel (a separate
 * log stream shipped to the PCI bucket), never mixed with the application log.
 */
export type AuditOutcome = "success" | "failure" | "denied";

export interface AuditEvent {
  actor: string;
  action: string;
  resource: string;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
}

const channel = createLogger({
  level: "info",
  format: format.json(),
  defaultMeta: { channel: "audit", service: "payments-api" },
  transports: [new transports.Console()],
  silent: process.env.NODE_ENV === "test",
});

// Card data must never reach the audit stream, even if a caller passes a whole request body.
const FORBIDDEN_KEYS = new Set(["pan", "cardNumber", "number", "cvc", "cvv", "expiry", "token"]);

function scrub(details: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    clean[key] = value !== null && typeof value === "object" && !Array.isArray(value)
      ? scrub(value as Record<string, unknown>)
      : value;
  }
  return clean;
}

export function audit(event: AuditEvent): void {
  const { actor, action, resource, outcome, details } = event;
  channel.info(action, {
    actor,
    action,
    resource,
    outcome,
    at: new Date().toISOString(),
    ...(details ? { details: scrub(details) } : {}),
  });
}
