import { describe, expect, it } from "vitest";
import type { Implementation } from "./schema.js";
import { RUN_JOIN_GAP, runsText, whereText, workRuns } from "./work-runs.js";

type Unit = Implementation["units"][number];
const unit = (
  name: string,
  startLine: number,
  endLine: number,
  role: Unit["role"] = "work",
  kind: Unit["kind"] = "function",
): Unit => ({ name, kind, startLine, endLine, role });
const impl = (units: Unit[]) => ({
  startLine: Math.min(...units.filter((u) => u.role === "work").map((u) => u.startLine)),
  endLine: Math.max(...units.filter((u) => u.role === "work").map((u) => u.endLine)),
  units,
});

describe("workRuns: the lines a reader is pointed at", () => {
  it("joins work units a few lines apart, with what lies between them", () => {
    const runs = workRuns(impl([unit("retry", 4, 15), unit("backoff", 18, 25), unit("isRetryable", 30, 34)]));
    expect(runs).toEqual([{ startLine: 4, endLine: 34 }]);
  });

  it("keeps work units far apart as runs of their own, in file order", () => {
    const far = 15 + RUN_JOIN_GAP + 2;
    const runs = workRuns(impl([unit("backoff", far, far + 5), unit("retry", 4, 15)]));
    expect(runs).toEqual([
      { startLine: 4, endLine: 15 },
      { startLine: far, endLine: far + 5 },
    ]);
    // One line closer and they are one run.
    expect(workRuns(impl([unit("retry", 4, 15), unit("backoff", far - 1, far + 5)]))).toHaveLength(1);
  });

  it("counts a class once with the methods inside it, and leaves support and types out", () => {
    const runs = workRuns(
      impl([
        unit("Client", 10, 80, "work", "class"),
        unit("Client.get", 20, 30),
        unit("Options", 200, 220, "work", "type"),
        unit("sleep", 300, 303, "support"),
        unit("Client.retry", 40, 60),
      ]),
    );
    expect(runs).toEqual([{ startLine: 10, endLine: 80 }]);
  });

  it("points into a long unit where its focus says the work is", () => {
    const run = { ...unit("Run", 155, 478), focus: [{ startLine: 298, endLine: 321 }] };
    const runs = workRuns(
      impl([
        run,
        {
          ...unit("watch", 763, 844),
          focus: [
            { startLine: 797, endLine: 806 },
            { startLine: 820, endLine: 826 },
          ],
        },
        unit("recordMetrics", 1519, 1538),
      ]),
    );
    expect(runs).toEqual([
      { startLine: 298, endLine: 321 },
      { startLine: 797, endLine: 826 },
      { startLine: 1519, endLine: 1538 },
    ]);
    // A long class's focus (its fields) stands for its lines beside the methods inside it; empty, for none.
    const fields = { ...unit("Service", 10, 400, "work", "class"), focus: [{ startLine: 12, endLine: 16 }] };
    expect(workRuns(impl([fields, unit("Service.retry", 300, 340)]))).toEqual([
      { startLine: 12, endLine: 16 },
      { startLine: 300, endLine: 340 },
    ]);
    const around = { ...unit("Service", 10, 400, "work", "class"), focus: [] };
    expect(workRuns(impl([around, unit("Service.retry", 300, 340)]))).toEqual([
      { startLine: 300, endLine: 340 },
    ]);
  });

  it("falls back to the implementation's lines when no unit is marked as work", () => {
    const placed = { startLine: 7, endLine: 9, units: [unit("helper", 7, 9, "support")] };
    expect(workRuns(placed)).toEqual([{ startLine: 7, endLine: 9 }]);
  });
});

describe("whereText and runsText", () => {
  const spread = impl([unit("Run", 155, 478), unit("recordMetrics", 1519, 1538), unit("watch", 763, 844)]);

  it("names the first run and how many more there are", () => {
    expect(whereText("pkg/supervisor.go", spread)).toBe("pkg/supervisor.go:155-478 +2 more");
    expect(whereText("a.ts", impl([unit("retry", 4, 15)]))).toBe("a.ts:4-15");
  });

  it("lists every run for a tooltip", () => {
    expect(runsText(spread)).toBe("155-478, 763-844, 1519-1538");
  });
});
