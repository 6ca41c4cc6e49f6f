import { STATUS_CODES } from "node:http";
import type { Response } from "express";

export interface ErrorPayload {
  statusCode: number;
  error: string;
  message: string;
}

export function sendError(res: Response, status: number, message: string): void {
  // a streaming response that failed halfway cannot get a JSON body any more
  if (res.headersSent) {
    res.end();
    return;
  }
  const payload: ErrorPayload = {
    statusCode: status,
    error: STATUS_CODES[status] ?? "Error",
    message,
  };
  res.status(status).json(payload);
}

export class BadRequest extends Error {
  readonly status = 400;
}

export class NotFound extends Error {
  readonly status = 404;
}
