import { createLogger } from "@acme/platform-kit";
import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from "axios";
import { childTraceparent } from "../tracing";

const logger = createLogger({ service: "catalog-bff" });

const SLOW_REQUEST_MS = 1500;

interface TimedConfig extends InternalAxiosRequestConfig {
  startedAt?: number;
}

export function createHttpClient(baseURL: string, name: string): AxiosInstance {
  const client = axios.create({
    baseURL,
    timeout: 5000,
    headers: {
      "User-Agent": "acme-catalog-bff/1.0",
      Accept: "application/json",
    },
  });

  client.interceptors.request.use((req: TimedConfig) => {
    req.startedAt = Date.now();
    const traceparent = childTraceparent();
    if (traceparent) {
      req.headers.set("traceparent", traceparent);
    }
    return req;
  });

  client.interceptors.response.use(
    (res) => {
      const startedAt = (res.config as TimedConfig).startedAt ?? Date.now();
      const ms = Date.now() - startedAt;
      if (ms > SLOW_REQUEST_MS) {
        logger.warn("slow upstream call", { upstream: name, url: res.config.url, ms });
      }
      return res;
    },
    (error) => {
      if (axios.isAxiosError(error)) {
        logger.warn("upstream call failed", {
          upstream: name,
          url: error.config?.url,
          status: error.response?.status,
          code: error.code,
        });
      }
      return Promise.reject(error);
    },
  );

  return client;
}

export const catalogHttp = createHttpClient(process.env.CATALOG_API_BASE || "http://catalog-api.internal:8080", "catalog-api");
