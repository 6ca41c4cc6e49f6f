import { afterEach, describe, expect, it, vi } from "vitest";
import { progressReporter } from "./progress.js";

describe("progress lines on a pipe", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("say how far a counted stage is, with thousands separators, every few seconds", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-25T12:00:00Z"));
    const lines: string[] = [];
    const io = {
      stdout: () => {},
      stderr: (text: string) => lines.push(text),
      cwd: "/",
      env: {},
      stdoutIsTTY: false,
    };
    const reporter = progressReporter(io, false);
    reporter.listener({ stage: "read", message: "reading and parsing 3,059 files in 1 repository" });
    reporter.listener({ stage: "read", message: "", done: 1000, total: 3059 });
    vi.advanceTimersByTime(6000);
    reporter.listener({ stage: "read", message: "", done: 2206, total: 3059 });
    // Istio's trend printed "reading: 2206 of 3059 (72%)".
    expect(lines).toEqual([
      "lineitem: reading and parsing 3,059 files in 1 repository…\n",
      "lineitem: reading: 2,206 of 3,059 (72%)\n",
    ]);
  });
});
