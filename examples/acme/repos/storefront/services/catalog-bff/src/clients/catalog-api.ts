import { withRetry } from "../util/retry";
import { catalogHttp } from "./http-client";

export interface ApiMoney {
  amount: string;
  currencyCode: string;
}

export interface ApiImage {
  url: string;
  altText: string | null;
  width: number;
  height: number;
}

export interface ApiVariant {
  id: string;
  sku: string;
  title: string;
  price: ApiMoney;
  compareAtPrice: ApiMoney | null;
  selectedOptions: { name: string; value: string }[];
  weightGrams: number;
}

export interface ApiProduct {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  tags: string[];
  images: ApiImage[];
  variants: ApiVariant[];
  categories: { id: string; name: string; path: string[] }[];
}

export interface ApiFacet {
  name: string;
  label: string;
  type: "TERMS" | "RANGE";
  buckets: { value: string; label: string; count: number }[];
}

export interface ApiSearchResult {
  total: number;
  products: ApiProduct[];
  facets: ApiFacet[];
}

export interface ApiCategory {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  productCount: number;
}

export interface SearchVariables {
  query: string;
  categoryId?: string;
  filters: { name: string; values: string[] }[];
  price?: { min?: number; max?: number };
  sort: "RELEVANCE" | "PRICE_ASC" | "PRICE_DESC" | "NEWEST";
  first: number;
  offset: number;
  market: string;
}

const PRODUCT_FIELDS = `
  id handle title descriptionHtml vendor tags
  images(first: 8) { url altText width height }
  variants(first: 50) {
    id sku title weightGrams
    price { amount currencyCode }
    compareAtPrice { amount currencyCode }
    selectedOptions { name value }
  }
  categories { id name path }
`;

const SEARCH = `
  query Search($input: SearchInput!) {
    search(input: $input) {
      total
      products { ${PRODUCT_FIELDS} }
      facets { name label type buckets { value label count } }
    }
  }
`;

const PRODUCT = `
  query Product($handle: String!, $market: String!) {
    product(handle: $handle, market: $market) { ${PRODUCT_FIELDS} }
  }
`;

const CATEGORIES = `
  query Categories {
    categories(first: 500) { id name slug parentId productCount }
  }
`;

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: string[] }[];
}

export class CatalogApiError extends Error {}

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  // catalog queries are reads, so retrying a POST here is safe
  const res = await withRetry(() => catalogHttp.post<GraphQLResponse<T>>("/graphql", { query, variables }));
  const first = res.data.errors?.[0];
  if (first) {
    throw new CatalogApiError(`catalog-api: ${first.message}`);
  }
  if (!res.data.data) {
    throw new CatalogApiError("catalog-api: empty response");
  }
  return res.data.data;
}

export async function searchProducts(input: SearchVariables): Promise<ApiSearchResult> {
  const data = await gql<{ search: ApiSearchResult }>(SEARCH, { input });
  return data.search;
}

export async function getProduct(handle: string, market: string): Promise<ApiProduct | null> {
  const data = await gql<{ product: ApiProduct | null }>(PRODUCT, { handle, market });
  return data.product;
}

export async function getCategories(): Promise<ApiCategory[]> {
  const data = await gql<{ categories: ApiCategory[] }>(CATEGORIES, {});
  return data.categories;
}
