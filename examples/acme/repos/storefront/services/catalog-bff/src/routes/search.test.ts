import request from "supertest";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createServer } from "../server";

vi.mock("../clients/catalog-api", () => ({
  searchProducts: vi.fn(),
  getProduct: vi.fn(),
  getCategories: vi.fn(),
}));

const { searchProducts } = await import("../clients/catalog-api");

describe("GET /api/search", () => {
  beforeEach(() => {
    vi.mocked(searchProducts).mockResolvedValue({ total: 50, products: [], facets: [] });
  });

  it("returns paging information", async () => {
    const res = await request(createServer()).get("/api/search?q=lamp&page=2");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 50, page: 2, pageCount: 3 });
  });

  it("answers bad input with a 400 in the catalog error shape", async () => {
    const res = await request(createServer()).get("/api/search?sort=cheapest");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: "Bad Request", message: 'unknown sort "cheapest"' });
  });

  it("sends a traceparent back", async () => {
    const res = await request(createServer()).get("/api/search?q=sofa");
    expect(res.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
