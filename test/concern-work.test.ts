import { beforeAll, expect, it } from "vitest";
import { builtinConcerns, readConcernFile } from "./helpers/concerns.js";

/**
 * Which parts of a matched file the built-in definitions call work (their own code does part of the
 * concern) and which only support it, on fixture code read as a scan reads it.
 */
let kit: Awaited<ReturnType<typeof builtinConcerns>>;

beforeAll(async () => {
  kit = await builtinConcerns();
});

function workOf(path: string, concern: string): string[] {
  const file = readConcernFile(kit.registry, path);
  const implementation = kit.implementationsOf(file, concern)[0];
  return (implementation?.work ?? []).map((index) => file.units[index]?.name ?? "?");
}

it("a cache's lookup that counts hits and misses is work, though it calls no store operation", () => {
  const work = workOf("test/fixtures/concerns/caching/session_cache.js", "caching");
  expect(work).toEqual(expect.arrayContaining(["SessionCache.lookup", "SessionCache.peek"]));
  // The size report reads the store's keys and counts nothing: it supports the cache.
  expect(work).not.toContain("SessionCache.stats");
});

it("a poller's check that decides to check again is work beside the timer that waits", () => {
  const work = workOf("test/fixtures/concerns/polling/job-waiter.ts", "polling");
  expect(work).toEqual(expect.arrayContaining(["JobWaiter.checkStatus", "JobWaiter.checkAgain"]));
  // Storing the settings, and the entry point that starts the first check, support the poller.
  expect(work).not.toContain("JobWaiter.constructor");
  expect(work).not.toContain("JobWaiter.untilDone");
});

it("a config module's loader is work; its getters, which read the settings, support it", () => {
  const work = workOf("test/fixtures/concerns/config-loading/config.go", "config-loading");
  expect(work).toContain("Load");
  expect(work).not.toContain("Config.GetTerminationGracePeriod");
  expect(work).not.toContain("Config.IsDebugConfig");
});

it("a token service's middleware that checks the bearer token is work; listing and revoking tokens is not", () => {
  const work = workOf("test/fixtures/concerns/auth-token/tokens.ts", "auth-token");
  expect(work.some((name) => name.startsWith("TokenService.requireToken"))).toBe(true);
  expect(work).not.toContain("TokenService.listTokens");
  expect(work).not.toContain("TokenService.revokeToken");
});

it("in C#, a namespace import is no sign of a unit's own work: a method that reads a setting in passing is not config loading", () => {
  const work = workOf("test/fixtures/concerns/plain/BillingSettings.cs", "config-loading");
  expect(work).toContain("BillingSettingsLoader.Load");
  // Every method of the file has `using Microsoft.Extensions.Configuration;`, this one included.
  expect(work).not.toContain("InvoiceText.DescribeRegion");
});
