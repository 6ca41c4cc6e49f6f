function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number.parseInt(raw, 10) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

export const config = {
  port: intFromEnv("PORT", 4002),
  catalogApiBase: process.env.CATALOG_API_BASE || "http://catalog-api.internal:8080",
  inventoryApiBase: process.env.INVENTORY_API_BASE || "http://inventory.internal:8081",
  reviewsApiBase: process.env.REVIEWS_API_BASE || "http://reviews.internal:8085",
  categoryTreeTtlMs: intFromEnv("CATEGORY_TREE_TTL_MS", 5 * 60_000),
  searchPageSize: intFromEnv("SEARCH_PAGE_SIZE", 24),
  lowStockThreshold: intFromEnv("LOW_STOCK_THRESHOLD", 5),
};
