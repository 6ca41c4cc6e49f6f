import { describe, expect, it } from "vitest";
import { currentTrace, extractTrace, formatTraceparent, parseTraceparent, runWithTrace, traceHeaders } from "./tracing.js";

const TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

describe("parseTraceparent", () => {
  it("parses a valid header", () => {
    expect(parseTraceparent(TRACEPARENT)).toEqual({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      sampled: true,
    });
  });

  it("rejects version ff and all-zero ids", () => {
    expect(parseTraceparent(TRACEPARENT.replace(/^00/, "ff"))).toBeUndefined();
    expect(parseTraceparent(`00-${"0".repeat(32)}-b7ad6b7169203331-01`)).toBeUndefined();
  });
});

describe("extractTrace", () => {
  it("continues the caller's trace with a new span", () => {
    const ctx = extractTrace({ traceparent: TRACEPARENT });
    expect(ctx.traceId).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(ctx.spanId).not.toBe("b7ad6b7169203331");
  });

  it("derives a stable trace id from x-request-id", () => {
    const a = extractTrace({ "x-request-id": "cdn-7f3a9c" });
    const b = extractTrace({ "x-request-id": "cdn-7f3a9c" });
    expect(a.traceId).toBe(b.traceId);
    expect(a.requestId).toBe("cdn-7f3a9c");
  });

  it("uses a uuid request id as the trace id", () => {
    expect(extractTrace({ "x-request-id": "3f2b8c1e-5d4a-4e0b-9c7d-2a1b0c9d8e7f" }).traceId).toBe(
      "3f2b8c1e5d4a4e0b9c7d2a1b0c9d8e7f",
    );
  });

  it("falls back to x-request-id when traceparent is malformed", () => {
    const ctx = extractTrace({ traceparent: "garbage", "x-request-id": "cdn-7f3a9c" });
    expect(ctx.traceId).toBe(extractTrace({ "x-request-id": "cdn-7f3a9c" }).traceId);
  });

  it("starts a new trace when there is nothing to continue", () => {
    expect(extractTrace({}).traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("propagation", () => {
  it("sends the current trace and request id on outgoing calls", () => {
    const ctx = extractTrace({ traceparent: TRACEPARENT, "x-request-id": "abc123" });
    runWithTrace(ctx, () => {
      expect(currentTrace()).toBe(ctx);
      const headers = traceHeaders();
      expect(headers.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
      expect(headers["x-request-id"]).toBe("abc123");
    });
  });

  it("sends nothing outside a request", () => {
    expect(traceHeaders()).toEqual({});
  });

  it("formats what it parses", () => {
    expect(formatTraceparent(parseTraceparent(TRACEPARENT)!)).toBe(TRACEPARENT);
  });
});
