import { UpstreamError, withRetry } from "../src/lib/with-retry";

describe("withRetry", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  // Attach handlers before advancing the clock, or jest sees an unhandled rejection.
  async function run<T>(promise: Promise<T>): Promise<T> {
    const settled = promise.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await jest.runAllTimersAsync();
    const result = await settled;
    if (!result.ok) throw result.error;
    return result.value;
  }

  it("returns the first successful result", async () => {
    const fn = jest.fn().mockResolvedValue("ok");
    await expect(run(withRetry(fn))).resolves.toBe("ok");
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("retries gateway errors until it succeeds", async () => {
    const fn = jest
      .fn()
      .mockRejectedValueOnce(new UpstreamError("bad gateway", 502))
      .mockRejectedValueOnce(new UpstreamError("unavailable", 503))
      .mockResolvedValue("ok");
    await expect(run(withRetry(fn))).resolves.toBe("ok");
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it("gives up after maxAttempts", async () => {
    const fn = jest.fn().mockRejectedValue(new UpstreamError("timeout", 504));
    const result = withRetry(fn, { maxAttempts: 3 }).catch((err: unknown) => err);
    await jest.runAllTimersAsync();
    expect(await result).toBeInstanceOf(UpstreamError);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it("does not retry a 500, the charge may have gone through", async () => {
    const fn = jest.fn().mockRejectedValue(new UpstreamError("boom", 500));
    await expect(run(withRetry(fn))).rejects.toThrow("boom");
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("does not retry client errors or plain errors", async () => {
    const declined = jest.fn().mockRejectedValue(new UpstreamError("declined", 402));
    await expect(run(withRetry(declined))).rejects.toThrow("declined");
    const bug = jest.fn().mockRejectedValue(new TypeError("undefined is not a function"));
    await expect(run(withRetry(bug))).rejects.toThrow(TypeError);
    expect(declined).toHaveBeenCalledTimes(1);
    expect(bug).toHaveBeenCalledTimes(1);
  });
});
