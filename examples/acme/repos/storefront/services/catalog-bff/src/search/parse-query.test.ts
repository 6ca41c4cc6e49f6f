import { describe, expect, it } from "vitest";
import { BadRequest } from "../errors";
import { cacheKey, parseSearchQuery, toSearchVariables } from "./parse-query";

describe("parseSearchQuery", () => {
  it("applies defaults", () => {
    expect(parseSearchQuery({})).toEqual({ q: "", category: undefined, filters: {}, priceMin: undefined, priceMax: undefined, sort: "relevance", page: 1 });
  });

  it("collects repeated facet values, deduplicated and sorted", () => {
    const input = parseSearchQuery({ q: "sofa", "f.color": ["grey", "blue", "grey"], "f.brand": "Norrå" });
    expect(input.filters).toEqual({ color: ["blue", "grey"], brand: ["Norrå"] });
  });

  it("ignores facets the UI cannot filter on", () => {
    expect(parseSearchQuery({ "f.internal_margin": "high" }).filters).toEqual({});
  });

  it("rejects unknown sorts and silly pages", () => {
    expect(() => parseSearchQuery({ sort: "cheapest" })).toThrow(BadRequest);
    expect(() => parseSearchQuery({ page: "0" })).toThrow(BadRequest);
    expect(() => parseSearchQuery({ page: "500" })).toThrow(BadRequest);
  });

  it("rejects an inverted price range", () => {
    expect(() => parseSearchQuery({ price_min: "100", price_max: "20" })).toThrow(/greater than/);
  });

  it("truncates very long queries", () => {
    expect(parseSearchQuery({ q: "x".repeat(500) }).q).toHaveLength(120);
  });
});

describe("toSearchVariables", () => {
  it("turns pages into offsets", () => {
    const vars = toSearchVariables(parseSearchQuery({ page: "3" }), 24, "de");
    expect(vars.offset).toBe(48);
    expect(vars.first).toBe(24);
    expect(vars.sort).toBe("RELEVANCE");
  });
});

describe("cacheKey", () => {
  it("does not depend on the order of facet parameters", () => {
    const a = parseSearchQuery({ "f.color": "grey", "f.brand": "Norrå" });
    const b = parseSearchQuery({ "f.brand": "Norrå", "f.color": "grey" });
    expect(cacheKey(a, "de")).toBe(cacheKey(b, "de"));
  });

  it("differs per market", () => {
    const input = parseSearchQuery({ q: "lamp" });
    expect(cacheKey(input, "de")).not.toBe(cacheKey(input, "se"));
  });
});
