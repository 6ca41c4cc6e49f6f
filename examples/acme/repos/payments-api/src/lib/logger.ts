import { createLogger, format, transports } from "winston";

const { combine, timestamp, json, errors } = format;

export const logger = createLogger({
  level: process.env.LOG_LEVEL ?? "info",
  format: combine(errors({ stack: true }), timestamp(), json()),
  defaultMeta: { service: "payments-api" },
  transports: [new transports.Console()],
  silent: process.env.NODE_ENV === "test",
});

export function childLogger(component: string) {
  return logger.child({ component });
}
