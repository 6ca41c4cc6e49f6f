import { isAxiosError, isCancel } from "axios";

export interface RetryOpts {
  /** Total number of attempts, including the first one. */
  maxAttempts?: number;
  baseDelayMs?: number;
  factor?: number;
  onRetry?: (err: unknown, attempt: number) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function shouldRetry(err: unknown): boolean {
  // the shopper navigated away or typed another letter; nobody is waiting for this answer any more
  if (isCancel(err)) {
    return false;
  }
  if (isAxiosError(err) && err.response) {
    return err.response.status >= 500;
  }
  // no response: network failure or our own timeout
  return isAxiosError(err) || err instanceof TypeError;
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOpts = {}): Promise<T> {
  const maxAttempts = opts.maxAttempts ?? 4;
  const baseDelayMs = opts.baseDelayMs ?? 200;
  const factor = opts.factor ?? 2;

  let lastErr: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
      if (attempt === maxAttempts || !shouldRetry(err)) {
        throw err;
      }
      opts.onRetry?.(err, attempt);
      // full jitter: wait anywhere between 0 and the exponential ceiling
      const ceiling = baseDelayMs * factor ** (attempt - 1);
      await sleep(Math.random() * ceiling);
    }
  }
  throw lastErr;
}
