import { describe, expect, it } from "vitest";
import type { ApiFacet } from "../clients/catalog-api";
import { colorFamily, normalizeFacets } from "./facets";

const color: ApiFacet = {
  name: "color",
  label: "Colour",
  type: "TERMS",
  buckets: [
    { value: "Anthracite", label: "Anthracite", count: 4 },
    { value: "charcoal", label: "Charcoal", count: 3 },
    { value: "navy", label: "Navy", count: 5 },
    { value: "red", label: "Red", count: 1 },
  ],
};

const size: ApiFacet = {
  name: "size",
  label: "Size",
  type: "TERMS",
  buckets: [
    { value: "XL", label: "XL", count: 2 },
    { value: "S", label: "S", count: 9 },
    { value: "M", label: "M", count: 7 },
  ],
};

const brand: ApiFacet = {
  name: "brand",
  label: "Brand",
  type: "TERMS",
  buckets: [{ value: "Norrå", label: "Norrå", count: 12 }],
};

describe("colorFamily", () => {
  it("maps vendor colour names to families", () => {
    expect(colorFamily(" Anthracite ")).toBe("grey");
    expect(colorFamily("navy")).toBe("blue");
    expect(colorFamily("mauve")).toBe("mauve");
  });
});

describe("normalizeFacets", () => {
  it("merges colour buckets into families", () => {
    const [facet] = normalizeFacets([color], {});
    expect(facet?.values.find((v) => v.value === "grey")?.count).toBe(7);
  });

  it("orders sizes from small to large", () => {
    const [facet] = normalizeFacets([size], {});
    expect(facet?.values.map((v) => v.value)).toEqual(["S", "M", "XL"]);
  });

  it("marks selected values and keeps them first", () => {
    const [facet] = normalizeFacets([color], { color: ["red"] });
    expect(facet?.values[0]).toMatchObject({ value: "red", selected: true });
  });

  it("hides facets with a single value and puts brand before colour", () => {
    const facets = normalizeFacets([color, brand], {});
    expect(facets.map((f) => f.name)).toEqual(["color"]);
    const withSelection = normalizeFacets([color, brand], { brand: ["Norrå"] });
    expect(withSelection.map((f) => f.name)).toEqual(["brand", "color"]);
  });
});
