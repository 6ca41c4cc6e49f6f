import type { SearchVariables } from "../clients/catalog-api";
import { BadRequest } from "../errors";

export type SortKey = "relevance" | "price-asc" | "price-desc" | "newest";

export interface SearchInput {
  q: string;
  category?: string;
  filters: Record<string, string[]>;
  priceMin?: number;
  priceMax?: number;
  sort: SortKey;
  page: number;
}

const SORTS: Record<SortKey, SearchVariables["sort"]> = {
  relevance: "RELEVANCE",
  "price-asc": "PRICE_ASC",
  "price-desc": "PRICE_DESC",
  newest: "NEWEST",
};

/** Facets the UI may filter on; anything else in the query string is ignored. */
export const FILTERABLE = ["brand", "color", "material", "size", "room"] as const;

const MAX_PAGE = 50;
const MAX_QUERY_LENGTH = 120;

type Query = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parsePrice(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new BadRequest(`${name} must be a positive number`);
  }
  return value;
}

/**
 * Reads the UI's query string: q, category, sort, page, price_min, price_max, and one
 * f.<facet>=<value> pair per selected facet value (repeated for several values).
 */
export function parseSearchQuery(query: Query): SearchInput {
  const q = (first(query.q) ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const sort = (first(query.sort) ?? "relevance") as SortKey;
  if (!(sort in SORTS)) {
    throw new BadRequest(`unknown sort "${sort}"`);
  }
  const page = Number.parseInt(first(query.page) ?? "1", 10);
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    throw new BadRequest(`page must be between 1 and ${MAX_PAGE}`);
  }

  const filters: Record<string, string[]> = {};
  for (const name of FILTERABLE) {
    const raw = query[`f.${name}`];
    const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((v) => v.trim()).filter(Boolean);
    if (values.length > 0) {
      filters[name] = [...new Set(values)].sort();
    }
  }

  const priceMin = parsePrice(first(query.price_min), "price_min");
  const priceMax = parsePrice(first(query.price_max), "price_max");
  if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax) {
    throw new BadRequest("price_min is greater than price_max");
  }

  return { q, category: first(query.category), filters, priceMin, priceMax, sort, page };
}

export function toSearchVariables(input: SearchInput, pageSize: number, market: string): SearchVariables {
  return {
    query: input.q,
    categoryId: input.category,
    filters: Object.entries(input.filters).map(([name, values]) => ({ name, values })),
    price:
      input.priceMin !== undefined || input.priceMax !== undefined
        ? { min: input.priceMin, max: input.priceMax }
        : undefined,
    sort: SORTS[input.sort],
    first: pageSize,
    offset: (input.page - 1) * pageSize,
    market,
  };
}

/** A stable key for caching: same filters in another order is the same search. */
export function cacheKey(input: SearchInput, market: string): string {
  const filters = Object.keys(input.filters)
    .sort()
    .map((name) => `${name}=${input.filters[name]?.join("|")}`)
    .join("&");
  return [market, input.q.toLowerCase(), input.category ?? "", filters, input.priceMin ?? "", input.priceMax ?? "", input.sort, input.page].join(
    "~",
  );
}
