import { logger } from "./logger";

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Used in log lines only. */
  label?: string;
}

/**
 * Only gateway errors are retried. A 500 from a processor can mean the charge went through,
 * and charge creation is not idempotent on every processor, so we never retry those.
 */
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = "UpstreamError";
  }
}

function isRetryable(err: unknown): boolean {
  return err instanceof UpstreamError && RETRYABLE_STATUS.has(err.statusCode);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 100;

  const attempt = (n: number): Promise<T> =>
    fn().catch((err: unknown) => {
      if (n + 1 >= maxAttempts || !isRetryable(err)) {
        return Promise.reject(err);
      }
      const delay = baseDelayMs * 2 ** n;
      logger.warn("retrying upstream call", {
        label: options.label,
        attempt: n + 1,
        delayMs: delay,
        status: (err as UpstreamError).statusCode,
      });
      return sleep(delay).then(() => attempt(n + 1));
    });

  return attempt(0);
}
