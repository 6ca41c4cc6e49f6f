import { traceHeaders } from "./tracing.js";

export interface HttpClientOptions {
  baseUrl: string;
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  timeoutMs?: number;
  signal?: AbortSignal;
  responseType?: "json" | "text";
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(`${status} from ${url}`);
    this.name = "HttpError";
  }
}

export interface HttpClient {
  request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export function createHttpClient({ baseUrl, timeoutMs = 10_000, headers = {} }: HttpClientOptions): HttpClient {
  const base = baseUrl.replace(/\/+$/, "");

  async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const url = new URL(`${base}${path.startsWith("/") ? path : `/${path}`}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const timeout = AbortSignal.timeout(options.timeoutMs ?? timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

    const res = await fetch(url, {
      method,
      headers: {
        accept: options.responseType === "text" ? "text/plain, */*" : "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...traceHeaders(),
        ...headers,
        ...options.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });

    const text = await res.text();
    if (!res.ok) {
      throw new HttpError(res.status, `${method} ${url.origin}${url.pathname}`, text.slice(0, 2000));
    }
    if (options.responseType === "text") {
      return text as T;
    }
    return (text.length > 0 ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    get: (path, options) => request("GET", path, undefined, options),
    post: (path, body, options) => request("POST", path, body, options),
    put: (path, body, options) => request("PUT", path, body, options),
    patch: (path, body, options) => request("PATCH", path, body, options),
    delete: (path, options) => request("DELETE", path, undefined, options),
  };
}
