import { ZodError } from "zod";
import { HttpError } from "../lib/http";
import { getRequestId } from "./request-id";

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `${what} not found`, 404);
  }
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId?: string;
  };
}

const UPSTREAM_STATUS: Record<number, { status: number; code: string }> = {
  404: { status: 404, code: "not_found" },
  409: { status: 409, code: "conflict" },
  422: { status: 422, code: "rejected_by_upstream" },
  429: { status: 503, code: "busy" },
};

export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  const requestId = getRequestId();

  if (err instanceof AppError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, requestId } } };
  }
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const message = first ? `${first.path.join(".") || "body"}: ${first.message}` : "invalid request";
    return { status: 422, body: { error: { code: "validation_failed", message, requestId } } };
  }
  if (err instanceof HttpError) {
    const mapped = UPSTREAM_STATUS[err.status] ?? { status: 502, code: "upstream_error" };
    return {
      status: mapped.status,
      body: { error: { code: mapped.code, message: "a backend service could not complete the request", requestId } },
    };
  }
  // never echo unexpected messages back to the browser
  return {
    status: 500,
    body: { error: { code: "internal_error", message: "something went wrong", requestId } },
  };
}
