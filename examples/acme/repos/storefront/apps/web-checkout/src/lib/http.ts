import { getRequestId } from "../server/request-id";

const DEFAULT_TIMEOUT_MS = 8000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly body: string,
  ) {
    super(`HTTP ${status} from ${path}`);
    this.name = "HttpError";
  }
}

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

function baseUrl(): string {
  const url = process.env.CHECKOUT_API_URL;
  if (!url) {
    throw new Error("CHECKOUT_API_URL is not set");
  }
  return url.replace(/\/+$/, "");
}

export async function apiFetch<T>(path: string, req: ApiRequest = {}): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  const headers: Record<string, string> = {
    accept: "application/json",
    "x-client": "web-checkout",
    ...req.headers,
  };
  const requestId = getRequestId();
  if (requestId) {
    headers["x-request-id"] = requestId;
  }
  if (req.body !== undefined) {
    headers["content-type"] = "application/json";
  }

  try {
    const res = await fetch(`${baseUrl()}${path}`, {
      method: req.method ?? "GET",
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
    });
    if (!res.ok) {
      throw new HttpError(res.status, path, await res.text());
    }
    if (res.status === 204) {
      return undefined as T;
    }
    return (await res.json()) as T;
  } finally {
    clearTimeout(timer);
  }
}
