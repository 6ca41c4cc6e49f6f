import { describe, expect, it } from "vitest";
import { hashToken, looksLikeToken, newToken } from "./tokens.js";

describe("tokens", () => {
  it("creates 43-character url-safe tokens", () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(looksLikeToken(token)).toBe(true);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
  });

  it("hashes deterministically", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("rejects cookies that cannot be a token", () => {
    expect(looksLikeToken(undefined)).toBe(false);
    expect(looksLikeToken("'; drop table sessions; --")).toBe(false);
  });
});
