import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomBytes } from "node:crypto";

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) with a fallback for callers that only send
 * x-request-id (the CDN, older services): the request id is kept and a trace id is derived from it, so
 * log lines of one request can still be joined on trace_id across services.
 */
export interface TraceContext {
  traceId: string;
  spanId: string;
  sampled: boolean;
  requestId?: string;
}

type HeaderBag = Record<string, string | string[] | undefined>;

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

const storage = new AsyncLocalStorage<TraceContext>();

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const newSpanId = () => randomBytes(8).toString("hex");

export function parseTraceparent(value: string | undefined): Omit<TraceContext, "requestId"> | undefined {
  const match = value ? TRACEPARENT.exec(value.trim().toLowerCase()) : null;
  if (!match) return undefined;
  const [, version, traceId, spanId, flags] = match as unknown as [string, string, string, string, string];
  if (version === "ff" || /^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(ctx: Pick<TraceContext, "traceId" | "spanId" | "sampled">): string {
  return `00-${ctx.traceId}-${ctx.spanId}-${ctx.sampled ? "01" : "00"}`;
}

function traceIdFromRequestId(requestId: string): string {
  const hex = requestId.replace(/-/g, "").toLowerCase();
  return /^[0-9a-f]{32}$/.test(hex) ? hex : createHash("sha256").update(requestId).digest("hex").slice(0, 32);
}

/** The context for an incoming request: its traceparent, else its x-request-id, else a new trace. */
export function extractTrace(headers: HeaderBag): TraceContext {
  const incomingRequestId = header(headers, "x-request-id");
  const requestId = incomingRequestId && REQUEST_ID.test(incomingRequestId) ? incomingRequestId : undefined;
  const parent = parseTraceparent(header(headers, "traceparent"));
  if (parent) {
    return { ...parent, spanId: newSpanId(), requestId };
  }
  if (requestId) {
    return { traceId: traceIdFromRequestId(requestId), spanId: newSpanId(), sampled: true, requestId };
  }
  return { traceId: randomBytes(16).toString("hex"), spanId: newSpanId(), sampled: true };
}

export function runWithTrace<T>(ctx: TraceContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** For frameworks with hooks instead of a wrapping middleware (Fastify's onRequest). */
export function enterTrace(ctx: TraceContext): void {
  storage.enterWith(ctx);
}

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}

/** Headers for an outgoing call made while handling the current request. */
export function traceHeaders(): Record<string, string> {
  const ctx = storage.getStore();
  if (!ctx) return {};
  const headers: Record<string, string> = { traceparent: formatTraceparent({ ...ctx, spanId: newSpanId() }) };
  if (ctx.requestId) headers["x-request-id"] = ctx.requestId;
  return headers;
}
