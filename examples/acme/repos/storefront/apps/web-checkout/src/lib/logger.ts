import pino from "pino";
import { getRequestId } from "../server/request-id";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: {
    service: "web-checkout",
    env: process.env.NODE_ENV ?? "development",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "req.headers.authorization",
      "req.headers.cookie",
      "*.email",
      "*.phone",
      "*.cardNumber",
      "*.cvc",
      "address.line1",
      "address.line2",
    ],
    censor: "[redacted]",
  },
  mixin() {
    const requestId = getRequestId();
    return requestId ? { requestId } : {};
  },
});

export function childLogger(bindings: Record<string, unknown>) {
  return logger.child(bindings);
}
