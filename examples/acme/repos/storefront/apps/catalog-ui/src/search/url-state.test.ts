import { describe, expect, it } from "vitest";
import { activeFilterCount, EMPTY_STATE, readSearchState, toggleFilter, writeSearchState } from "./url-state";

describe("url state", () => {
  it("reads repeated facet params", () => {
    const state = readSearchState(new URLSearchParams("q=lamp&f.color=grey&f.color=white&page=2"));
    expect(state).toMatchObject({ q: "lamp", filters: { color: ["grey", "white"] }, page: 2 });
  });

  it("falls back to defaults for bad values", () => {
    const state = readSearchState(new URLSearchParams("sort=cheapest&page=-4&price_min=abc"));
    expect(state.sort).toBe("relevance");
    expect(state.page).toBe(1);
    expect(state.priceMin).toBeUndefined();
  });

  it("writes equal states as equal URLs", () => {
    const a = { ...EMPTY_STATE, filters: { color: ["white", "grey"], brand: ["Norrå"] } };
    const b = { ...EMPTY_STATE, filters: { brand: ["Norrå"], color: ["grey", "white"] } };
    expect(writeSearchState(a).toString()).toBe(writeSearchState(b).toString());
  });

  it("leaves defaults out of the URL", () => {
    expect(writeSearchState(EMPTY_STATE).toString()).toBe("");
  });

  it("round-trips", () => {
    const state = { ...EMPTY_STATE, q: "sofa bed", filters: { size: ["L"] }, priceMax: 800, sort: "price-asc" as const, page: 3 };
    expect(readSearchState(writeSearchState(state))).toEqual({ ...state, category: undefined, priceMin: undefined });
  });
});

describe("toggleFilter", () => {
  it("adds and removes values and resets the page", () => {
    const on = toggleFilter({ ...EMPTY_STATE, page: 4 }, "color", "grey");
    expect(on.filters).toEqual({ color: ["grey"] });
    expect(on.page).toBe(1);
    expect(toggleFilter(on, "color", "grey").filters).toEqual({});
  });

  it("counts active filters, with the price range as one", () => {
    expect(activeFilterCount({ ...EMPTY_STATE, filters: { color: ["a", "b"] }, priceMin: 10, priceMax: 50 })).toBe(3);
  });
});
