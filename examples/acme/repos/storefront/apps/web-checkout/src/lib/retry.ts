import { HttpError } from "./http";

export interface RetryOptions {
  /** Total number of attempts, including the first one. */
  attempts?: number;
  baseDelayMs?: number;
  factor?: number;
  /** Upper bound for a single wait, whatever the attempt number. */
  maxDelayMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function isRetryable(error: unknown): boolean {
  if (error instanceof HttpError) {
    return error.status >= 500;
  }
  // fetch rejects with a TypeError on network failure and an AbortError when our timeout fires
  return error instanceof TypeError || (error instanceof Error && error.name === "AbortError");
}

export async function retry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const factor = options.factor ?? 2;
  const maxDelayMs = options.maxDelayMs ?? 2000;

  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      if (attempt === attempts || !isRetryable(error)) {
        throw error;
      }
      options.onRetry?.(error, attempt);
      // full jitter: wait anywhere between 0 and the (capped) exponential ceiling
      const ceiling = Math.min(maxDelayMs, baseDelayMs * factor ** (attempt - 1));
      await sleep(Math.random() * ceiling);
    }
  }
  throw lastError;
}
