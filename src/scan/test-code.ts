import type { Import } from "../lang/index.js";

// Test frameworks and assertion libraries by module, per language. A file that imports one is test code
// wherever it lives (a `checks/` folder, a `verify.go`), as its path alone would not say.
const TEST_MODULES = [
  // JavaScript / TypeScript
  "vitest",
  "jest",
  "@jest/globals",
  "mocha",
  "chai",
  "ava",
  "tap",
  "node:test",
  "@playwright/test",
  "cypress",
  "@testing-library",
  "sinon",
  "supertest",
  "nock",
  // Python
  "pytest",
  "unittest",
  "hypothesis",
  // Go
  "testing",
  "github.com/stretchr/testify",
  "github.com/onsi/ginkgo",
  "github.com/onsi/gomega",
  // Java, Kotlin
  "org.junit",
  "junit",
  "org.testng",
  "org.mockito",
  "kotlin.test",
  "io.kotest",
  "io.mockk",
  // C#
  "Xunit",
  "NUnit.Framework",
  "Microsoft.VisualStudio.TestTools",
  "Moq",
  // Ruby
  "rspec",
  "minitest",
  "test/unit",
];

// A module is one of these, or inside one (`jest/…`, `org.junit.…`): the prefixes made once, not per import.
const TEST_MODULE_SET = new Set(TEST_MODULES);
const TEST_PREFIXES = TEST_MODULES.flatMap((known) => [`${known}/`, `${known}.`]);

function isTestModule(module: string): boolean {
  return TEST_MODULE_SET.has(module) || TEST_PREFIXES.some((prefix) => module.startsWith(prefix));
}

/** Test code recognised by the framework it imports. */
export function importsTestFramework(imports: readonly Import[]): boolean {
  return imports.some((imp) => isTestModule(imp.module));
}
