import { describe, expect, it } from "vitest";
import { parameterDefinition } from "../../test/helpers/concerns.js";
import { makeUnit } from "../../test/helpers/units.js";
import type { Literal, Unit } from "../lang/index.js";
import { extractParameters, formatDuration } from "./parameters.js";

const definition = (parameters: object[]) => parameterDefinition(parameters);

const unit = (parts: Partial<Unit>) => makeUnit("u", { endLine: 9, ...parts });

const lit = (
  name: string | undefined,
  value: string | number,
  kind: Literal["kind"],
  line: number,
): Literal => ({
  kind,
  value,
  line,
  ...(name ? { name } : {}),
});

describe("parameters of an implementation", () => {
  const retry = definition([
    { id: "attempts", title: "attempts", kind: "count", names: ["maxAttempts", "retries"] },
    { id: "baseDelay", title: "base delay", kind: "duration", names: ["baseDelay", "backoff_seconds"] },
    { id: "jitter", title: "jitter", kind: "calls", calls: ["Math.random", "rand.Int63n"] },
    { id: "retryOn", title: "status codes", kind: "statuses" },
    { id: "header", title: "header", kind: "strings", match: "/^x-[a-z-]+$/" },
    { id: "keys", title: "keys", kind: "keys", match: ["code", "message"] },
  ]);

  it("reads each kind, normalised, with the line it is written on", () => {
    const units = [
      unit({
        literals: [
          lit("MAX_ATTEMPTS", 5, "number", 3),
          lit("baseDelay", "250 * time.Millisecond", "expression", 4),
          lit(undefined, 503, "number", 8),
          lit(undefined, 429, "number", 7),
          lit(undefined, 200, "number", 6),
          lit("header", "X-Request-Id", "string", 5),
        ],
        calls: ["rand.Int63n"],
        keys: ["Code", "code", "Message"],
        startLine: 2,
      }),
    ];
    const values = extractParameters(retry, units, "go");
    expect(values.attempts).toEqual({ value: 5, display: "5", line: 3 });
    expect(values.baseDelay).toEqual({ value: 250, display: "250 ms", line: 4 });
    expect(values.jitter).toMatchObject({ value: "rand.Int63n", display: "yes (rand.Int63n)" });
    expect(values.retryOn).toEqual({ value: [429, 503], display: "429, 503", line: 7 });
    expect(values.header).toEqual({ value: ["x-request-id"], display: "x-request-id", line: 5 });
    expect(values.keys).toEqual({ value: ["code", "message"], display: "code, Message", line: 2 });
  });

  it("takes a bare number's unit from its name and the language, and says — where there is none", () => {
    const python = extractParameters(
      retry,
      [unit({ literals: [lit("backoff_seconds", 0.5, "number", 4)] })],
      "python",
    );
    expect(python.baseDelay?.value).toBe(500);
    expect(python.attempts).toBeNull();
    expect(python.jitter).toBeNull();
    expect(python.retryOn).toBeNull();
  });

  it("reads only the error statuses HTTP has, not any number between 400 and 599", () => {
    // Istio's route builder: a retry policy's `retryOn` beside the TLS port 443.
    const units = [
      unit({
        literals: [
          lit("port", 443, "number", 3),
          lit(undefined, 503, "number", 4),
          lit(undefined, 499, "number", 5),
        ],
      }),
    ];
    expect(extractParameters(retry, units, "go").retryOn).toEqual({
      value: [499, 503],
      display: "499, 503",
      line: 4,
    });
    const port = [unit({ literals: [lit("port", 443, "number", 3), lit(undefined, 550, "number", 4)] })];
    expect(extractParameters(retry, port, "go").retryOn).toBeNull();
    // The top of the range a retry tests (axios-retry's `status <= 599`) is read with the rest.
    const range = [unit({ literals: [lit(undefined, 500, "number", 3), lit(undefined, 599, "number", 3)] })];
    expect(extractParameters(retry, range, "javascript").retryOn?.value).toEqual([500, 599]);
  });

  it("reads a default by the name it would have without the word (defaultInitialInterval, DEFAULT_MAX_RETRIES)", () => {
    // Istio's backoff package: `defaultInitialInterval = 500 * time.Millisecond` in a const block.
    const backoff = definition([
      { id: "baseDelay", title: "base delay", kind: "duration", names: ["initialInterval"] },
      { id: "attempts", title: "attempts", kind: "count", names: ["maxRetries"] },
    ]);
    const units = [
      unit({
        literals: [
          lit("defaultInitialInterval", "500 * time.Millisecond", "expression", 4),
          lit("DEFAULT_MAX_RETRIES", 5, "number", 5),
          lit("defaults", 3, "number", 6),
        ],
      }),
    ];
    const values = extractParameters(backoff, units, "go");
    expect(values.baseDelay).toMatchObject({ value: 500, line: 4 });
    expect(values.attempts).toMatchObject({ value: 5, line: 5 });
  });

  it("takes the first value by line: the default, not a later reassignment", () => {
    const units = [unit({ literals: [lit("retries", 1, "number", 30), lit("retries", 3, "number", 4)] })];
    expect(extractParameters(retry, units, "typescript").attempts?.value).toBe(3);
  });

  it("skips a count of 0, where a counter starts, for the first limit after it", () => {
    const units = [
      unit({
        literals: [
          lit("retries", 0, "number", 3),
          lit("maxAttempts", 0, "number", 4),
          lit("retries", 4, "number", 9),
        ],
      }),
    ];
    expect(extractParameters(retry, units, "typescript").attempts).toEqual({
      value: 4,
      display: "4",
      line: 9,
    });
    const counterOnly = [unit({ literals: [lit("retries", 0, "number", 3)] })];
    expect(extractParameters(retry, counterOnly, "typescript").attempts).toBeNull();
  });

  it("reads Infinity as no limit, a value JSON can hold", () => {
    const units = [
      unit({
        literals: [
          lit("maxAttempts", "Infinity", "expression", 2),
          lit("baseDelay", "Infinity", "expression", 3),
        ],
      }),
    ];
    const parameters = extractParameters(retry, units, "typescript");
    expect(parameters.attempts).toEqual({ value: "Infinity", display: "no limit", line: 2 });
    expect(parameters.baseDelay).toEqual({ value: "Infinity", display: "no limit", line: 3 });
    expect(JSON.parse(JSON.stringify(parameters)).baseDelay.value).toBe("Infinity");
  });

  it("prefers the more specific of two listed names over the earlier line", () => {
    const breaker = definition([
      { id: "resetTimeout", title: "cool-down", kind: "duration", names: ["resetTimeout", "timeout"] },
      { id: "attempts", title: "attempts", kind: "count", names: ["retries", "maxRetries"] },
    ]);
    const units = [
      unit({
        literals: [
          lit("timeout", 10_000, "number", 3),
          lit("resetTimeout", 30_000, "number", 4),
          lit("retries", 5, "number", 5),
          lit("max_retries", 2, "number", 6),
        ],
      }),
    ];
    const values = extractParameters(breaker, units, "javascript");
    expect(values.resetTimeout?.value).toBe(30_000);
    expect(values.attempts?.value).toBe(2);
    const alone = [unit({ literals: [lit("timeout", 10_000, "number", 3)] })];
    expect(extractParameters(breaker, alone, "javascript").resetTimeout?.value).toBe(10_000);
  });

  it("reads the strings bound to `names` when a strings parameter lists them, else a lone value", () => {
    const logging = definition([
      {
        id: "level",
        title: "level",
        kind: "strings",
        names: ["level", "logLevel"],
        match: ["debug", "info", "warn"],
      },
    ]);
    const units = [
      unit({
        literals: [
          lit(undefined, "debug", "string", 2),
          lit(undefined, "warn", "string", 3),
          lit("logLevel", "info", "string", 5),
        ],
      }),
    ];
    const lone = [
      unit({ literals: [lit(undefined, "INFO", "string", 4), lit(undefined, "INFO", "string", 6)] }),
    ];
    expect(extractParameters(logging, lone, "python").level?.value).toEqual(["info"]);
    const table = [
      unit({ literals: [lit(undefined, "debug", "string", 2), lit(undefined, "warn", "string", 3)] }),
    ];
    expect(extractParameters(logging, table, "javascript").level).toBeNull();
    expect(extractParameters(logging, units, "javascript").level).toEqual({
      value: ["info"],
      display: "info",
      line: 5,
    });
  });

  it("reads environment variable names from strings and identifiers, upper snake case only", () => {
    const urls = definition([{ id: "env", title: "URL from env", kind: "env", match: "/url/" }]);
    const units = [
      unit({
        identifiers: ["process", "env", "CATALOG_URL", "catalogUrl", "RETRY_MAX"],
        literals: [lit(undefined, "BILLING_URL", "string", 4), lit(undefined, "https://x", "string", 5)],
      }),
    ];
    expect(extractParameters(urls, units, "typescript").env).toEqual({
      value: ["BILLING_URL", "CATALOG_URL"],
      display: "BILLING_URL, CATALOG_URL",
      line: 1,
    });
  });

  it("writes durations as a person would", () => {
    expect([200, 2000, 1500, 300_000, 7_200_000].map(formatDuration)).toEqual([
      "200 ms",
      "2 s",
      "1.5 s",
      "5 min",
      "2 h",
    ]);
  });

  it("refuses a parameter that cannot be read", () => {
    expect(() => definition([{ id: "t", title: "t", kind: "duration" }])).toThrow(/need `names`/);
    expect(() => definition([{ id: "t", title: "t", kind: "calls" }])).toThrow(/need `calls`/);
    expect(() => definition([{ id: "t", title: "t", kind: "keys", match: ["a"], keysToo: true }])).toThrow(
      /only strings parameters take `keysToo`/,
    );
  });

  it("reads the keys of an object built step by step, as of one written whole", () => {
    const envelope = definition([
      { id: "keys", title: "keys", kind: "keys", match: ["code", "message", "status"] },
    ]);
    const units = [unit({ keys: ["message"], assigned: ["status", "expose"] })];
    expect(extractParameters(envelope, units, "javascript").keys?.value).toEqual(["message", "status"]);
  });

  it("reads header names written as keys when a strings parameter takes keysToo", () => {
    const parameter = {
      id: "headers",
      title: "headers",
      kind: "strings",
      match: "/^(x-[a-z-]+|accept|content-type|user-agent)$/",
    };
    const units = [
      unit({
        startLine: 4,
        keys: ["method", "accept", "x-client"],
        literals: [
          lit("accept", "application/json", "string", 5),
          lit("x-client", "web-checkout", "string", 6),
          lit("content-type", "application/json", "string", 9),
          lit(undefined, "x-request-id", "string", 12),
        ],
      }),
    ];
    expect(
      extractParameters(definition([{ ...parameter, keysToo: true }]), units, "typescript").headers,
    ).toEqual({
      value: ["accept", "content-type", "x-client", "x-request-id"],
      display: "accept, content-type, x-client, x-request-id",
      line: 4,
    });
    // A header set by assignment with a variable's value: a member the unit assigns.
    const assigning = [
      unit({ startLine: 4, keys: [], assigned: ["x-correlation-id", "retries"], literals: [] }),
    ];
    expect(
      extractParameters(definition([{ ...parameter, keysToo: true }]), assigning, "typescript").headers
        ?.value,
    ).toEqual(["x-correlation-id"]);
    // Without keysToo only string values count: the header set by value.
    expect(extractParameters(definition([parameter]), units, "typescript").headers?.value).toEqual([
      "x-request-id",
    ]);
  });
});
