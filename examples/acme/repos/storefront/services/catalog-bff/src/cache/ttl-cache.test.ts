import { describe, expect, it, vi } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("expires entries after the TTL", () => {
    let now = 1000;
    const cache = new TtlCache<string, number>(100, 10, () => now);
    cache.set("a", 1);
    now = 1099;
    expect(cache.get("a")).toBe(1);
    now = 1100;
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entry when full", () => {
    const cache = new TtlCache<string, number>(10_000, 2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
  });

  it("loads once and serves from cache afterwards", async () => {
    const cache = new TtlCache<string, string>(10_000);
    const load = vi.fn().mockResolvedValue("tree");
    await cache.getOrLoad("k", load);
    await cache.getOrLoad("k", load);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
