import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const HEADER = "x-correlation-id";
// Callers sometimes send whole trace headers or garbage here; anything odd gets replaced.
const VALID_ID = /^[A-Za-z0-9._-]{8,128}$/;

interface CorrelationContext {
  correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function correlation(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(HEADER);
  const correlationId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(HEADER, correlationId);
  storage.run({ correlationId }, () => next());
}

export function getCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** For jobs and webhooks that start outside a request. */
export function runWithCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}
