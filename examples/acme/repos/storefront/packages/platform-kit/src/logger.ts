import { currentTrace } from "./tracing.js";

export type Level = "debug" | "info" | "warn" | "error";

const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  service: string;
  /** Defaults to LOG_LEVEL, then "info". */
  level?: Level;
  /** Replaces stdout, for tests. */
  write?: (line: string) => void;
}

function levelFromEnv(): Level {
  const value = process.env.LOG_LEVEL?.toLowerCase();
  return value && value in RANK ? (value as Level) : "info";
}

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const code = (value as { code?: unknown }).code;
    return code === undefined ? { name, message, stack } : { name, message, code, stack };
  }
  return value;
}

/**
 * One JSON object per line on stdout: { time, level, msg, service, trace_id, ...fields }. The field
 * names are the ones the log pipeline indexes; keep them.
 */
export function createLogger(options: LoggerOptions, bindings: Record<string, unknown> = {}): Logger {
  const threshold = RANK[options.level ?? levelFromEnv()];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));

  function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
    if (RANK[level] < threshold) return;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      msg,
      service: options.service,
      trace_id: currentTrace()?.traceId,
      ...bindings,
    };
    for (const [key, value] of Object.entries(fields)) {
      entry[key] = serialize(value);
    }
    write(JSON.stringify(entry));
  }

  return {
    debug: (msg, fields) => log("debug", msg, fields),
    info: (msg, fields) => log("info", msg, fields),
    warn: (msg, fields) => log("warn", msg, fields),
    error: (msg, fields) => log("error", msg, fields),
    child: (more) => createLogger(options, { ...bindings, ...more }),
  };
}
