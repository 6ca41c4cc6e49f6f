import { request, type Dispatcher } from "undici";
import { getCorrelationId } from "../http/correlation";
import { UpstreamError } from "../lib/with-retry";
import { logger } from "../lib/logger";

export interface HttpClientOptions {
  /** Sent on every request, e.g. the processor's API key header. */
  headers?: Record<string, string>;
  timeoutMs?: number;
  name?: string;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  idempotencyKey?: string;
}

type Method = Dispatcher.HttpMethod;

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly name: string;

  constructor(
    private readonly baseUrl: string,
    private readonly options: HttpClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.name = options.name ?? new URL(baseUrl).hostname;
  }

  get<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    return this.send<T>("GET", path, undefined, opts);
  }

  post<T>(path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.send<T>("POST", path, body, opts);
  }

  postForm<T>(path: string, form: Record<string, string>, opts: RequestOptions = {}): Promise<T> {
    return this.send<T>("POST", path, new URLSearchParams(form), opts);
  }

  private url(path: string, query?: RequestOptions["query"]): string {
    const url = new URL(path.replace(/^\//, ""), this.baseUrl.endsWith("/") ? this.baseUrl : `${this.baseUrl}/`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  private async send<T>(method: Method, path: string, body: unknown, opts: RequestOptions): Promise<T> {
    const headers: Record<string, string> = {
      accept: "application/json",
      ...this.options.headers,
      ...opts.headers,
    };
    const correlationId = getCorrelationId();
    if (correlationId) headers["x-correlation-id"] = correlationId;
    if (opts.idempotencyKey) headers["idempotency-key"] = opts.idempotencyKey;

    let payload: string | undefined;
    if (body instanceof URLSearchParams) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = body.toString();
    } else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }

    const started = Date.now();
    const res = await request(this.url(path, opts.query), {
      method,
      headers,
      body: payload,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const text = await res.body.text();
    logger.debug("upstream call", {
      upstream: this.name,
      method,
      path,
      status: res.statusCode,
      durationMs: Date.now() - started,
    });

    const parsed = text.length > 0 ? safeJson(text) : undefined;
    if (res.statusCode >= 400) {
      throw new UpstreamError(`${this.name} ${method} ${path} failed with ${res.statusCode}`, res.statusCode, parsed);
    }
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
