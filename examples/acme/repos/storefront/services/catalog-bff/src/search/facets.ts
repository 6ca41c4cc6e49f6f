import type { ApiFacet } from "../clients/catalog-api";

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  name: string;
  label: string;
  kind: "terms" | "range";
  values: FacetValue[];
}

/** Colour names differ per vendor; the UI shows one swatch per family. */
const COLOR_FAMILIES: Record<string, string> = {
  anthracite: "grey",
  charcoal: "grey",
  "light grey": "grey",
  navy: "blue",
  "sky blue": "blue",
  cream: "white",
  "off-white": "white",
  ivory: "white",
  oak: "brown",
  walnut: "brown",
  terracotta: "orange",
  sage: "green",
  olive: "green",
};

const FACET_ORDER = ["category", "brand", "color", "material", "size", "room", "price"];

/** Buckets with fewer products are noise from bad vendor data. */
const MIN_BUCKET_COUNT = 1;
const MAX_VALUES = 30;

export function colorFamily(value: string): string {
  const key = value.trim().toLowerCase();
  return COLOR_FAMILIES[key] ?? key;
}

function mergeColorBuckets(facet: ApiFacet): ApiFacet["buckets"] {
  const merged = new Map<string, { value: string; label: string; count: number }>();
  for (const bucket of facet.buckets) {
    const family = colorFamily(bucket.value);
    const existing = merged.get(family);
    if (existing) {
      existing.count += bucket.count;
    } else {
      merged.set(family, { value: family, label: family.charAt(0).toUpperCase() + family.slice(1), count: bucket.count });
    }
  }
  return [...merged.values()];
}

function sortValues(name: string, values: FacetValue[]): FacetValue[] {
  if (name === "size") {
    const order = ["XS", "S", "M", "L", "XL", "XXL"];
    return [...values].sort((a, b) => {
      const ia = order.indexOf(a.value.toUpperCase());
      const ib = order.indexOf(b.value.toUpperCase());
      if (ia !== -1 && ib !== -1) return ia - ib;
      return a.value.localeCompare(b.value, "en", { numeric: true });
    });
  }
  // selected values first so they never drop off the list, then by count
  return [...values].sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count || a.label.localeCompare(b.label));
}

export function normalizeFacets(apiFacets: ApiFacet[], selected: Record<string, string[]>): Facet[] {
  const facets = apiFacets.map((facet): Facet => {
    const buckets = facet.name === "color" ? mergeColorBuckets(facet) : facet.buckets;
    const chosen = new Set(selected[facet.name] ?? []);
    const values = buckets
      .filter((bucket) => bucket.count >= MIN_BUCKET_COUNT || chosen.has(bucket.value))
      .map((bucket) => ({ ...bucket, selected: chosen.has(bucket.value) }));
    return {
      name: facet.name,
      label: facet.label,
      kind: facet.type === "RANGE" ? "range" : "terms",
      values: sortValues(facet.name, values).slice(0, MAX_VALUES),
    };
  });

  return facets
    .filter((facet) => facet.values.length > 1 || facet.values.some((v) => v.selected))
    .sort((a, b) => rank(a.name) - rank(b.name));
}

function rank(name: string): number {
  const index = FACET_ORDER.indexOf(name);
  return index === -1 ? FACET_ORDER.length : index;
}
