import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpClient, HttpError } from "./http.js";
import { extractTrace, runWithTrace } from "./tracing.js";

function mockFetch(status: number, body: string) {
  const fetchMock = vi.fn().mockResolvedValue(new Response(body || null, { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createHttpClient", () => {
  it("joins base url, path and query", async () => {
    const fetchMock = mockFetch(200, "{}");
    await createHttpClient({ baseUrl: "http://svc.internal/api/" }).get("/items", { query: { page: 2, q: undefined } });
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe("http://svc.internal/api/items?page=2");
  });

  it("sends a content type only with a body", async () => {
    const fetchMock = mockFetch(200, "{}");
    const client = createHttpClient({ baseUrl: "http://svc.internal" });
    await client.get("/a");
    await client.post("/b", { x: 1 });
    expect(fetchMock.mock.calls[0]?.[1].headers["content-type"]).toBeUndefined();
    expect(fetchMock.mock.calls[1]?.[1].headers["content-type"]).toBe("application/json");
  });

  it("returns undefined for empty bodies", async () => {
    mockFetch(204, "");
    await expect(createHttpClient({ baseUrl: "http://svc.internal" }).delete("/a")).resolves.toBeUndefined();
  });

  it("throws HttpError with status and body, without the query string", async () => {
    mockFetch(503, "upstream down");
    const error = await createHttpClient({ baseUrl: "http://svc.internal" })
      .get("/a", { query: { token: "secret" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect((error as HttpError).url).not.toContain("secret");
  });

  it("forwards the current trace", async () => {
    const fetchMock = mockFetch(200, "{}");
    const client = createHttpClient({ baseUrl: "http://svc.internal" });
    await runWithTrace(extractTrace({ "x-request-id": "req-12345678" }), () => client.get("/a"));
    expect(fetchMock.mock.calls[0]?.[1].headers["x-request-id"]).toBe("req-12345678");
    expect(fetchMock.mock.calls[0]?.[1].headers.traceparent).toMatch(/^00-/);
  });
});
