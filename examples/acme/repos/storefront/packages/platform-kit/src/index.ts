export { createHttpClient, type HttpClient, type HttpClientOptions, HttpError, type RequestOptions } from "./http.js";
export { createLogger, type Level, type Logger, type LoggerOptions } from "./logger.js";
export { DEFAULT_RETRY_ON, isRetryable, retry, type RetryOptions, statusOf } from "./retry.js";
export {
  currentTrace,
  enterTrace,
  extractTrace,
  formatTraceparent,
  parseTraceparent,
  runWithTrace,
  type TraceContext,
  traceHeaders,
} from "./tracing.js";
