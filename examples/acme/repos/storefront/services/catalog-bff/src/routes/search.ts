import { Router } from "express";
import { TtlCache } from "../cache/ttl-cache";
import { searchProducts } from "../clients/catalog-api";
import { config } from "../config";
import { toProductCard } from "../products/map-product";
import { normalizeFacets } from "../search/facets";
import { cacheKey, parseSearchQuery, toSearchVariables } from "../search/parse-query";
import { asyncRoute } from "./async-route";
import { marketFrom } from "./market";

export const searchRouter = Router();

interface SearchResponse {
  total: number;
  page: number;
  pageCount: number;
  products: ReturnType<typeof toProductCard>[];
  facets: ReturnType<typeof normalizeFacets>;
}

// popular searches ("sofa", "lamp") repeat a lot; 30 seconds keeps them fresh enough
const cache = new TtlCache<string, SearchResponse>(30_000, 1000);

searchRouter.get(
  "/search",
  asyncRoute(async (req, res) => {
    const input = parseSearchQuery(req.query as Record<string, string | string[]>);
    const market = marketFrom(req);
    const body = await cache.getOrLoad(cacheKey(input, market), async () => {
      const result = await searchProducts(toSearchVariables(input, config.searchPageSize, market));
      return {
        total: result.total,
        page: input.page,
        pageCount: Math.ceil(result.total / config.searchPageSize),
        products: result.products.map(toProductCard),
        facets: normalizeFacets(result.facets, input.filters),
      };
    });
    res.set("cache-control", "public, max-age=30");
    res.json(body);
  }),
);
