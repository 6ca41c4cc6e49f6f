import { afterEach, describe, expect, it, vi } from "vitest";
import { isRetryable, retry, statusOf } from "./retry.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("statusOf", () => {
  it("reads the status of our, axios and got errors", () => {
    expect(statusOf({ status: 503 })).toBe(503);
    expect(statusOf({ response: { status: 502 } })).toBe(502);
    expect(statusOf({ response: { statusCode: 429 } })).toBe(429);
    expect(statusOf(new Error("x"))).toBeUndefined();
  });
});

describe("isRetryable", () => {
  it("retries the default statuses only", () => {
    expect(isRetryable({ status: 503 })).toBe(true);
    expect(isRetryable({ status: 429 })).toBe(true);
    expect(isRetryable({ status: 501 })).toBe(false);
    expect(isRetryable({ status: 404 })).toBe(false);
  });

  it("retries our timeouts and socket errors", () => {
    expect(isRetryable(Object.assign(new Error("t"), { name: "TimeoutError" }))).toBe(true);
    expect(isRetryable(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }))).toBe(true);
  });

  it("does not retry when the caller aborted", () => {
    expect(isRetryable(Object.assign(new Error("aborted"), { name: "AbortError" }))).toBe(false);
    expect(isRetryable(Object.assign(new Error("canceled"), { code: "ERR_CANCELED" }))).toBe(false);
  });
});

describe("retry", () => {
  it("stops after three attempts by default", async () => {
    const fn = vi.fn().mockRejectedValue({ status: 503 });
    await expect(retry(fn, { baseMs: 1 })).rejects.toEqual({ status: 503 });
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it("passes the attempt number", async () => {
    const fn = vi.fn().mockRejectedValueOnce({ status: 502 }).mockResolvedValue("ok");
    await retry(fn, { baseMs: 1 });
    expect(fn.mock.calls.map((call) => call[0])).toEqual([1, 2]);
  });

  it("caps each wait at maxMs", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const delays: number[] = [];
    const fn = vi.fn().mockRejectedValue({ status: 500 });
    await expect(
      retry(fn, { attempts: 4, baseMs: 1, maxMs: 3, onRetry: (_e, _a, delay) => delays.push(delay) }),
    ).rejects.toBeDefined();
    expect(delays).toEqual([1, 2, 3]);
  });
});
