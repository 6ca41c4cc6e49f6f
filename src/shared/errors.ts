/**
 * A mistake the user can fix (a bad path, a bad config key, a broken file we were asked to read).
 * The CLI prints `message` and `hint` without a stack trace and exits with code 2.
 */
export class UserError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.hint = hint;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** Exit codes shared by every command: 0 clean, 1 findings over a threshold, 2 bad usage, config or input. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
