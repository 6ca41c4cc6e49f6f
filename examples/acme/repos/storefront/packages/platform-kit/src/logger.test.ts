import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { extractTrace, runWithTrace } from "./tracing.js";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes the standard fields", () => {
    const out = capture();
    createLogger({ service: "orders", level: "info", write: out.write }).info("order placed", { orderId: "o-1" });
    expect(out.lines[0]).toMatchObject({ level: "info", msg: "order placed", service: "orders", orderId: "o-1" });
    expect(typeof out.lines[0]?.time).toBe("string");
  });

  it("drops lines below the level", () => {
    const out = capture();
    createLogger({ service: "orders", level: "warn", write: out.write }).info("noise");
    expect(out.lines).toHaveLength(0);
  });

  it("adds the trace id of the current request", () => {
    const out = capture();
    const logger = createLogger({ service: "orders", level: "info", write: out.write });
    const ctx = extractTrace({});
    runWithTrace(ctx, () => logger.info("inside"));
    expect(out.lines[0]?.trace_id).toBe(ctx.traceId);
  });

  it("serializes errors instead of writing {}", () => {
    const out = capture();
    createLogger({ service: "orders", level: "info", write: out.write }).error("failed", { err: new Error("boom") });
    expect(out.lines[0]?.err).toMatchObject({ name: "Error", message: "boom" });
  });

  it("keeps bindings on children", () => {
    const out = capture();
    createLogger({ service: "orders", level: "info", write: out.write }).child({ module: "refunds" }).info("x");
    expect(out.lines[0]).toMatchObject({ service: "orders", module: "refunds" });
  });
});
