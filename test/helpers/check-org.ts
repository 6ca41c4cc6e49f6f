import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { buildExampleOrg } from "../../src/demo/index.js";
import { type CheckResult, checkResultSchema } from "../../src/result/index.js";
import { scan } from "../../src/scan/index.js";
import { makeBranch } from "./branches.js";
import {
  PAYMENTS_REFUND_AUDIT,
  SEARCH_CLIENT,
  SEARCH_OWNERS,
  SEARCH_POLICY,
  SEARCH_RETRY,
  SEARCH_RETRY_WITH_POLICY,
  SPLIT,
} from "./check-sources.js";
import { runCli } from "./cli.js";
import { tempDir } from "./repos.js";

/**
 * The example org built in a temporary folder, scanned into an index, with the branches the check tests
 * check against main in storefront (each one commit from main, fixed author and date).
 */
export async function checkOrg() {
  const dir = tempDir();
  const org = await buildExampleOrg(join(dir, "acme"));
  const config = join(org.dir, "lineitem.config.yaml");
  const index = join(dir, "index.sqlite");
  await scan({ paths: [org.dir], cwd: dir, configFile: config, index: { file: index }, workers: 1 });
  const storefront = join(org.dir, "storefront");

  makeBranch(storefront, "search-retry", {
    write: { "services/search/src/retry.ts": SEARCH_RETRY },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });
  // A retry on a branch of a branch: its policy module is already there, unchanged by the change checked.
  makeBranch(storefront, "search-policy", {
    write: { "services/search/src/retry-policy.ts": SEARCH_POLICY },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });
  makeBranch(
    storefront,
    "search-retry-policy",
    { write: { "services/search/src/retry.ts": SEARCH_RETRY_WITH_POLICY } },
    "search-policy",
  );
  makeBranch(storefront, "search-golden", {
    write: { "services/search/src/search.ts": SEARCH_CLIENT },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });
  const stepper = readFileSync(
    join(storefront, "apps/web-checkout/src/components/QuantityStepper.tsx"),
    "utf8",
  );
  makeBranch(storefront, "stepper-label", {
    write: {
      "apps/web-checkout/src/components/QuantityStepper.tsx": stepper.replace(
        'aria-label="Decrease quantity"',
        'aria-label="Remove one"',
      ),
    },
  });
  makeBranch(storefront, "rename-retry", {
    move: { "apps/web-checkout/src/lib/retry.ts": "apps/web-checkout/src/lib/backoff.ts" },
  });
  makeBranch(storefront, "catalog-split", { write: { "services/catalog-bff/src/util/split.ts": SPLIT } });
  makeBranch(storefront, "search-retry-allowed", {
    write: {
      "services/search/src/retry.ts": `// lineitem-ignore retry -- the search cluster's client needs its own backoff until platform-kit takes a policy per call\n${SEARCH_RETRY}`,
    },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });

  // A second retry in the team whose own retry is the org's most used copy (payments-api).
  makeBranch(join(org.dir, "payments-api"), "payments-retry", {
    write: { "src/lib/retry-again.ts": SEARCH_RETRY },
  });
  // A second audit trail in payments, whose own audit log is the most used and no golden path is set.
  makeBranch(join(org.dir, "payments-api"), "payments-audit", {
    write: { "src/refunds/refund-audit.ts": PAYMENTS_REFUND_AUDIT },
  });

  /** `lineitem check` of a branch of storefront against main, with the org's config and index. */
  const checkArgs = (head: string, configFile = config) => [
    "check",
    storefront,
    "--base",
    "main",
    "--head",
    head,
    "-c",
    configFile,
    "--index",
    index,
  ];
  const check = async (head: string, ...more: string[]) => {
    const run = await runCli([...checkArgs(head), "--format", "json", ...more], dir);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(checkResultSchema.safeParse(result).success).toBe(true);
    return { ...run, result };
  };
  return { dir, org, config, index, storefront, checkArgs, check };
}
