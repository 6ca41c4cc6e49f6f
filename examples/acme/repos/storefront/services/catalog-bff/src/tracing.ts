import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export interface TraceContext {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = "0".repeat(32);
const ZERO_SPAN = "0".repeat(16);

const store = new AsyncLocalStorage<TraceContext>();

export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

export function newSpanId(): string {
  return randomBytes(8).toString("hex");
}

export function parseTraceparent(header: string | undefined): TraceContext | undefined {
  const match = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  if (!match) return undefined;
  const [, traceId, spanId, flags] = match as unknown as [string, string, string, string];
  // all-zero ids are invalid per the W3C spec and some proxies send them
  if (traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  return { traceId, spanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(ctx: TraceContext): string {
  return `00-${ctx.traceId}-${ctx.spanId}-${ctx.sampled ? "01" : "00"}`;
}

export function currentTrace(): TraceContext | undefined {
  return store.getStore();
}

/** The header to send upstream: same trace, a new span for our outgoing call. */
export function childTraceparent(): string | undefined {
  const ctx = store.getStore();
  return ctx ? formatTraceparent({ ...ctx, spanId: newSpanId() }) : undefined;
}

export function traceMiddleware(req: Request, res: Response, next: NextFunction): void {
  const parent = parseTraceparent(req.header("traceparent"));
  const ctx: TraceContext = {
    traceId: parent?.traceId ?? newTraceId(),
    spanId: newSpanId(),
    sampled: parent?.sampled ?? true,
  };
  res.setHeader("traceparent", formatTraceparent(ctx));
  store.run(ctx, next);
}
