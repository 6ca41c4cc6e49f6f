import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export interface ApiErrorItem {
  code: string;
  message: string;
  field?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

function fieldFrom(instancePath: string, missingProperty: unknown): string | undefined {
  // "/address/postalCode" -> "address.postalCode"; a missing property is reported on its parent
  const path = instancePath.replace(/^\//, "").replace(/\//g, ".");
  if (typeof missingProperty === "string") {
    return path ? `${path}.${missingProperty}` : missingProperty;
  }
  return path || undefined;
}

export function toErrors(error: FastifyError | DomainError): { status: number; errors: ApiErrorItem[] } {
  if (error instanceof DomainError) {
    return { status: error.statusCode, errors: [{ code: error.code, message: error.message, field: error.field }] };
  }
  if (error.validation) {
    return {
      status: 422,
      errors: error.validation.map((issue) => ({
        code: `invalid_${issue.keyword}`,
        message: issue.message ?? "is invalid",
        field: fieldFrom(issue.instancePath, issue.params?.missingProperty),
      })),
    };
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return { status, errors: [{ code: "rate_limited", message: "Too many attempts. Please wait a moment." }] };
  }
  if (status < 500) {
    return { status, errors: [{ code: error.code?.toLowerCase() ?? "bad_request", message: error.message }] };
  }
  return { status: 500, errors: [{ code: "internal_error", message: "Something went wrong on our side." }] };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, errors } = toErrors(error);
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
    }
    void reply.status(status).send({ errors });
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ errors: [{ code: "not_found", message: `${request.method} ${request.url} does not exist` }] });
  });
}
