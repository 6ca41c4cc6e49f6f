/**
 * Slows down password guessing per account: after 5 failures in 15 minutes the account must wait,
 * doubling each time up to 15 minutes. Per-IP limits are done by @fastify/rate-limit in server.ts;
 * this catches slow, distributed attempts on one account.
 */
export interface ThrottleState {
  failures: number[];
  lockedUntil: number;
}

const WINDOW_MS = 15 * 60_000;
const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export class LoginThrottle {
  private readonly states = new Map<string, ThrottleState>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the caller must wait, or 0 if a login attempt is allowed now. */
  retryAfter(key: string): number {
    const state = this.states.get(key);
    if (!state) return 0;
    return Math.max(0, state.lockedUntil - this.now());
  }

  recordFailure(key: string): void {
    const now = this.now();
    const state = this.states.get(key) ?? { failures: [], lockedUntil: 0 };
    state.failures = [...state.failures.filter((t) => now - t < WINDOW_MS), now];
    const excess = state.failures.length - FREE_ATTEMPTS;
    if (excess >= 0) {
      state.lockedUntil = now + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** excess);
    }
    this.states.set(key, state);
  }

  recordSuccess(key: string): void {
    this.states.delete(key);
  }

  /** Called from a timer so the map does not grow forever. */
  sweep(): void {
    const now = this.now();
    for (const [key, state] of this.states) {
      if (state.lockedUntil < now && state.failures.every((t) => now - t >= WINDOW_MS)) {
        this.states.delete(key);
      }
    }
  }
}
