export interface Price {
  amount: number;
  currency: string;
}

export interface ProductCard {
  id: string;
  handle: string;
  title: string;
  brand: string;
  defaultSku: string;
  image: { url: string; alt: string } | null;
  price: Price;
  compareAtPrice: Price | null;
  fromPrice: boolean;
  swatches: string[];
}

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

export interface SearchResult {
  total: number;
  page: number;
  pageCount: number;
  products: ProductCard[];
  facets: Facet[];
}

export class BffError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api${path}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new BffError(res.status, body.message ?? res.statusText);
  }
  return (await res.json()) as T;
}

export function fetchSearch(queryString: string, signal?: AbortSignal): Promise<SearchResult> {
  return getJson<SearchResult>(`/search?${queryString}`, signal);
}

export type StockStatus = "in_stock" | "low_stock" | "out_of_stock" | "backorder";

export interface Availability {
  sku: string;
  status: StockStatus;
  quantity?: number;
  nextDelivery?: string;
}

export async function fetchAvailability(skus: string[], signal?: AbortSignal): Promise<Availability[]> {
  const body = await getJson<{ items: Availability[] }>(`/availability?skus=${skus.map(encodeURIComponent).join(",")}`, signal);
  return body.items;
}

export interface ProductVariant {
  id: string;
  sku: string;
  title: string;
  price: Price;
  compareAtPrice: Price | null;
  options: Record<string, string>;
  weightGrams: number;
}

export interface ProductDetail extends ProductCard {
  descriptionHtml: string;
  images: { url: string; alt: string; width: number; height: number }[];
  options: { name: string; values: string[] }[];
  variants: ProductVariant[];
  breadcrumbs: { name: string; id: string }[];
}

export function fetchProduct(handle: string, signal?: AbortSignal): Promise<ProductDetail> {
  return getJson<ProductDetail>(`/products/${encodeURIComponent(handle)}`, signal);
}

export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  productCount: number;
  children: CategoryNode[];
}

export function fetchCategory(slug: string, signal?: AbortSignal): Promise<CategoryNode> {
  return getJson<CategoryNode>(`/categories/${encodeURIComponent(slug)}`, signal);
}
