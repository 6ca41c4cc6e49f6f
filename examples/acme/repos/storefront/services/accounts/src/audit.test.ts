import type { FastifyRequest } from "fastify";
import { describe, expect, it, vi } from "vitest";

vi.mock("./db.js", () => ({ pool: { query: vi.fn() } }));

const { clientIp, recordAuditEvent } = await import("./audit.js");

function fakeRequest(headers: Record<string, string>, ip = "10.0.3.7"): FastifyRequest {
  return { headers, ip } as unknown as FastifyRequest;
}

describe("clientIp", () => {
  it("takes the first x-forwarded-for hop", () => {
    expect(clientIp(fakeRequest({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
  });

  it("falls back to the socket address", () => {
    expect(clientIp(fakeRequest({}))).toBe("10.0.3.7");
  });
});

describe("recordAuditEvent", () => {
  it("stores who, what, target, when and ip", async () => {
    const db = { query: vi.fn().mockResolvedValue({ rows: [] }) };
    const event = await recordAuditEvent("u-1", "user.logged_in", "session:s-1", { request: fakeRequest({}) }, db as never);
    expect(event).toMatchObject({ who: "u-1", what: "user.logged_in", target: "session:s-1", ip: "10.0.3.7" });
    expect(new Date(event.when).toISOString()).toBe(event.when);
    expect(db.query).toHaveBeenCalledOnce();
  });

  it("never stores tokens or passwords", async () => {
    const db = { query: vi.fn().mockResolvedValue({ rows: [] }) };
    const event = await recordAuditEvent(null, "user.password_reset_completed", "user:u-1", { token: "abc", newPassword: "x" }, db as never);
    expect(event.metadata).toMatchObject({ token: "[removed]", newPassword: "[removed]" });
  });
});
