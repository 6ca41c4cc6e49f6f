import { describe, expect, it } from "vitest";
import { formatTraceparent, parseTraceparent } from "./tracing";

describe("traceparent", () => {
  const header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  it("round-trips a valid header", () => {
    const ctx = parseTraceparent(header);
    expect(ctx).toEqual({ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", sampled: true });
    expect(formatTraceparent(ctx!)).toBe(header);
  });

  it("accepts uppercase hex from older proxies", () => {
    expect(parseTraceparent(header.toUpperCase())?.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it("rejects all-zero ids", () => {
    expect(parseTraceparent(`00-${"0".repeat(32)}-00f067aa0ba902b7-01`)).toBeUndefined();
  });

  it("reads the sampled bit from other flags", () => {
    expect(parseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03")?.sampled).toBe(true);
  });

  it("rejects garbage", () => {
    expect(parseTraceparent("hello")).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
  });
});
