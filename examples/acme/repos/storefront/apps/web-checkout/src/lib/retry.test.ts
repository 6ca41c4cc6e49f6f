import { afterEach, describe, expect, it, vi } from "vitest";
import { HttpError } from "./http";
import { isRetryable, retry } from "./retry";

afterEach(() => {
  vi.useRealTimers();
});

describe("isRetryable", () => {
  it("retries 5xx but not 4xx", () => {
    expect(isRetryable(new HttpError(503, "/x", ""))).toBe(true);
    expect(isRetryable(new HttpError(404, "/x", ""))).toBe(false);
  });

  it("retries network failures", () => {
    expect(isRetryable(new TypeError("fetch failed"))).toBe(true);
  });
});

describe("retry", () => {
  it("returns the first successful result", async () => {
    const fn = vi.fn().mockRejectedValueOnce(new TypeError("fetch failed")).mockResolvedValue("ok");
    await expect(retry(fn, { baseDelayMs: 1 })).resolves.toBe("ok");
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("gives up after the last attempt", async () => {
    const fn = vi.fn().mockRejectedValue(new HttpError(502, "/x", ""));
    await expect(retry(fn, { attempts: 3, baseDelayMs: 1 })).rejects.toBeInstanceOf(HttpError);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it("does not retry client errors", async () => {
    const fn = vi.fn().mockRejectedValue(new HttpError(422, "/x", ""));
    await expect(retry(fn)).rejects.toBeInstanceOf(HttpError);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("never waits longer than maxDelayMs", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const fn = vi.fn().mockRejectedValueOnce(new TypeError("x")).mockRejectedValueOnce(new TypeError("x")).mockResolvedValue(1);
    const promise = retry(fn, { attempts: 3, baseDelayMs: 10_000, maxDelayMs: 50 });
    await vi.advanceTimersByTimeAsync(100);
    await expect(promise).resolves.toBe(1);
  });
});
