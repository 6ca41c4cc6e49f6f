import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle.js";

describe("LoginThrottle", () => {
  it("allows five failures, then locks for 30 seconds", () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure("erika@example.com");
    expect(throttle.retryAfter("erika@example.com")).toBe(0);
    throttle.recordFailure("erika@example.com");
    expect(throttle.retryAfter("erika@example.com")).toBe(30_000);
    now = 30_000;
    expect(throttle.retryAfter("erika@example.com")).toBe(0);
  });

  it("doubles the lock with each further failure, up to 15 minutes", () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 12; i++) {
      throttle.recordFailure("k");
      now += 1000;
    }
    expect(throttle.retryAfter("k")).toBeLessThanOrEqual(15 * 60_000);
    expect(throttle.retryAfter("k")).toBeGreaterThan(10 * 60_000);
  });

  it("forgets failures after a successful login", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 5; i++) throttle.recordFailure("k");
    throttle.recordSuccess("k");
    expect(throttle.retryAfter("k")).toBe(0);
  });

  it("sweeps old entries", () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    throttle.recordFailure("k");
    now = 16 * 60_000;
    throttle.sweep();
    throttle.recordFailure("k");
    expect(throttle.retryAfter("k")).toBe(0);
  });
});
