export type SortKey = "relevance" | "price-asc" | "price-desc" | "newest";

export interface SearchState {
  q: string;
  category?: string;
  filters: Record<string, string[]>;
  priceMin?: number;
  priceMax?: number;
  sort: SortKey;
  page: number;
}

const SORTS: SortKey[] = ["relevance", "price-asc", "price-desc", "newest"];

export const EMPTY_STATE: SearchState = { q: "", filters: {}, sort: "relevance", page: 1 };

function parseNumber(value: string | null): number | undefined {
  if (value === null || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!key.startsWith("f.") || !value) continue;
    const name = key.slice(2);
    filters[name] = [...(filters[name] ?? []), value];
  }
  const sort = params.get("sort") as SortKey | null;
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: params.get("q") ?? "",
    category: params.get("category") ?? undefined,
    filters,
    priceMin: parseNumber(params.get("price_min")),
    priceMax: parseNumber(params.get("price_max")),
    sort: sort && SORTS.includes(sort) ? sort : "relevance",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** Writes only non-default values, in a fixed order, so equal states give equal URLs. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.category) params.set("category", state.category);
  for (const name of Object.keys(state.filters).sort()) {
    for (const value of [...(state.filters[name] ?? [])].sort()) {
      params.append(`f.${name}`, value);
    }
  }
  if (state.priceMin !== undefined) params.set("price_min", String(state.priceMin));
  if (state.priceMax !== undefined) params.set("price_max", String(state.priceMax));
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  return params;
}

export function toggleFilter(state: SearchState, name: string, value: string): SearchState {
  const current = state.filters[name] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters };
  if (next.length) filters[name] = next;
  else delete filters[name];
  // any change to the result set sends the shopper back to page 1
  return { ...state, filters, page: 1 };
}

export function clearFilters(state: SearchState): SearchState {
  return { ...state, filters: {}, priceMin: undefined, priceMax: undefined, page: 1 };
}

export function activeFilterCount(state: SearchState): number {
  const values = Object.values(state.filters).reduce((n, list) => n + list.length, 0);
  return values + (state.priceMin !== undefined || state.priceMax !== undefined ? 1 : 0);
}
