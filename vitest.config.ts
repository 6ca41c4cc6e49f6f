import { defineConfig } from "vitest/config";

// Two cores: tests that build git repositories are I/O bound, so two forks keep both cores busy
// without thrashing.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
