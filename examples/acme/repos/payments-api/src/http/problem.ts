import type { ErrorRequestHandler, Request } from "express";
import { ZodError } from "zod";
import { logger } from "../lib/logger";
import { getCorrelationId } from "./correlation";

const PROBLEM_BASE = "https://docs.acme.example/payments/problems";

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = "HttpProblem";
  }
}

export const notFound = (what: string, id: string) =>
  new HttpProblem(404, "not-found", "Resource not found", `${what} ${id} does not exist`);

export const conflict = (slug: string, detail: string) => new HttpProblem(409, slug, "Conflict", detail);

export const unprocessable = (slug: string, detail: string, extensions?: Record<string, unknown>) =>
  new HttpProblem(422, slug, "Unprocessable request", detail, extensions);

function toProblem(err: unknown, req: Request): ProblemDocument {
  const instance = req.originalUrl;
  if (err instanceof HttpProblem) {
    return {
      type: `${PROBLEM_BASE}/${err.slug}`,
      title: err.title,
      status: err.status,
      detail: err.detail,
      instance,
      ...err.extensions,
    };
  }
  if (err instanceof ZodError) {
    return {
      type: `${PROBLEM_BASE}/validation`,
      title: "Request validation failed",
      status: 400,
      detail: "One or more fields are invalid",
      instance,
      errors: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  // Never echo the message of an unexpected error: it can carry SQL or processor responses.
  return {
    type: "about:blank",
    title: "Internal Server Error",
    status: 500,
    detail: `Something went wrong. Reference: ${getCorrelationId() ?? "n/a"}`,
    instance,
  };
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = toProblem(err, req);
  if (problem.status >= 500) {
    logger.error("request failed", { err, path: req.originalUrl, method: req.method });
  }
  res.status(problem.status).type("application/problem+json").json(problem);
};
