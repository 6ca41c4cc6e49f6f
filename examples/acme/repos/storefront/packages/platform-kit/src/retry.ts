/**
 * Retry with exponential backoff and full jitter: wait a random time between 0 and
 * min(maxMs, baseMs * 2^(attempt - 1)) before the next attempt. Full jitter spreads retries from many
 * instances evenly instead of in waves.
 */
export interface RetryOptions {
  /** Total attempts including the first. Default 3. */
  attempts?: number;
  /** Ceiling of the first wait. Default 100 ms. */
  baseMs?: number;
  /** Largest ceiling for any wait. Default 2000 ms. */
  maxMs?: number;
  /** HTTP statuses worth another attempt. Other statuses fail at once. */
  retryOn?: readonly number[];
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export const DEFAULT_RETRY_ON: readonly number[] = [408, 429, 500, 502, 503, 504];

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET"]);

/** The HTTP status of an error from our client, fetch wrappers, axios or got, if it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown; response?: { status?: unknown; statusCode?: unknown } };
  const status = e.status ?? e.statusCode ?? e.response?.status ?? e.response?.statusCode;
  return typeof status === "number" ? status : undefined;
}

export function isRetryable(error: unknown, retryOn: readonly number[] = DEFAULT_RETRY_ON): boolean {
  const status = statusOf(error);
  if (status !== undefined) return retryOn.includes(status);
  if (!(error instanceof Error)) return false;
  // AbortError means the caller gave up; only our own timeouts are worth another try
  if (error.name === "AbortError" || (error as { code?: string }).code === "ERR_CANCELED") return false;
  if (error.name === "TimeoutError") return true;
  const code = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  if (code && NETWORK_CODES.has(code)) return true;
  // undici: TypeError("fetch failed") with the socket error as cause
  return error instanceof TypeError && error.message === "fetch failed";
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  const baseMs = options.baseMs ?? 100;
  const maxMs = options.maxMs ?? 2000;
  const retryOn = options.retryOn ?? DEFAULT_RETRY_ON;

  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error, retryOn)) {
        throw error;
      }
      const delayMs = Math.round(Math.random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}
