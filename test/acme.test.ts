import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { acmeSpecDir, buildExampleOrg, loadExampleOrg } from "../src/demo/index.js";
import { renderTerminal } from "../src/report/index.js";
import type { ConcernCluster, ScanResult } from "../src/result/index.js";
import { scan } from "../src/scan/index.js";
import { lineHistoryFromGit } from "./helpers/line-history.js";
import { tempDir } from "./helpers/repos.js";
import { historyFromTimeline } from "./helpers/timeline-history.js";

interface Place {
  team?: string;
  repo: string;
  path: string;
}

interface Expected {
  concerns: Record<string, { implementations: Place[]; golden?: Place; adoptedBy?: string[] }>;
  singleTeam: Record<string, Place[] | string>;
  copies: { concern: string; copy: Place; of: Place }[];
  cloneGroups: { kind: string; members: (Place & { unit: string })[] }[];
  drift: Record<string, Record<string, Record<string, unknown>> | string | string[]>;
  unnamed: { members: Place[] }[];
  traps: { repo: string; path: string; unit: string; looksLike: string }[];
  setAside: { repo: string; path: string; reason: string }[];
}

const expected = JSON.parse(readFileSync(join(acmeSpecDir, "expected.json"), "utf8")) as Expected;
const key = (p: Place) => `${p.team ?? "?"} ${p.repo}/${p.path}`;
const where = (p: Place) => `${p.repo}/${p.path}`;

describe("scanning the Acme example org", () => {
  let result: ScanResult;
  const dir = tempDir("lineitem-acme-test-");

  beforeAll(async () => {
    const org = await buildExampleOrg(join(dir, "acme"));
    result = await scan({ paths: [org.dir], cwd: dir, now: () => new Date("2026-11-01T00:00:00Z") });
  }, 180_000);

  const concern = (id: string) => result.concerns.find((c) => c.id === id) as ConcernCluster;

  describe.each(Object.entries(expected.concerns))("%s", (id, want) => {
    it("finds every implementation, with its team, and nothing else", () => {
      const found = concern(id)
        ?.implementations.map((impl) => key(impl))
        .sort();
      expect(found).toEqual(want.implementations.map(key).sort());
    });

    it("is a cross-team cluster with a one-line statement", () => {
      expect(concern(id).crossTeam).toBe(true);
      expect(concern(id).statement).toMatch(/: written (twice|\d+ times) by \d+ teams since 20\d\d-Q[1-4]/);
    });

    it("marks the golden path and the teams that adopted it", () => {
      const golden = concern(id)
        .implementations.filter((impl) => impl.golden)
        .map(where);
      expect(golden).toEqual(want.golden ? [where(want.golden)] : []);
      const adopters = [...new Set(concern(id).adoptions.map((a) => a.team))].sort();
      expect(adopters).toEqual([...(want.adoptedBy ?? [])].sort());
    });
  });

  it("reports the concerns only one team implements as such, and no others", () => {
    const single = Object.fromEntries(
      result.concerns
        .filter((c) => !c.crossTeam && c.writings > 0)
        .map((c) => [c.id, c.implementations.map(key).sort()]),
    );
    const want = Object.fromEntries(
      Object.entries(expected.singleTeam)
        .filter((entry): entry is [string, Place[]] => Array.isArray(entry[1]))
        .map(([id, places]) => [id, places.map(key).sort()]),
    );
    expect(single).toEqual(want);
  });

  it("reports no other concern as a cross-team cluster", () => {
    expect(
      result.concerns
        .filter((c) => c.crossTeam)
        .map((c) => c.id)
        .sort(),
    ).toEqual(Object.keys(expected.concerns).sort());
  });

  it.each(expected.copies.map((c) => [where(c.copy), where(c.of), c] as const))(
    "sees that %s was copied from %s",
    (_a, _b, copy) => {
      const impls = concern(copy.concern).implementations;
      const original = impls.find((impl) => where(impl) === where(copy.of));
      const copied = impls.find((impl) => where(impl) === where(copy.copy));
      expect(copied?.copyOf?.implementation).toBe(original?.id);
    },
  );

  it("reports the copies across teams as clone groups, each one finding with its owners and kind", () => {
    const label = (kind: string, members: (Place & { unit: string })[]) =>
      `${kind}: ${members
        .map((m) => `${key(m)} ${m.unit}`)
        .sort()
        .join(" | ")}`;
    // Groups of 40 tokens or more are held to the answer key exactly; shorter ones (30–39 tokens: row
    // types of the same shape, three-line helpers) are reported too, and checked only for their owners.
    const crossTeam = result.clones.groups.filter((g) => g.crossTeam && !g.boilerplate);
    const substantial = crossTeam.filter((g) => g.tokens >= 40);
    expect(substantial.map((g) => label(g.kind, g.members)).sort()).toEqual(
      expected.cloneGroups.map((g) => label(g.kind, g.members)).sort(),
    );
    expect(crossTeam.every((g) => g.teams.length >= 2 && g.tokens >= 30)).toBe(true);
  });

  it("counts clone groups within one team and boilerplate without listing the boilerplate", () => {
    expect(result.clones.setAside.singleTeam).toBeGreaterThan(0);
    expect(result.clones.groups.some((g) => g.boilerplate)).toBe(false);
    expect(result.clones.setAside.scaffolding + result.clones.setAside.everywhere).toBeGreaterThan(0);
    expect(result.summary.crossTeamCloneGroups).toBeGreaterThanOrEqual(expected.cloneGroups.length);
  });

  const driftCases = Object.entries(expected.drift).flatMap(([concernId, parameters]) =>
    typeof parameters === "object" && !Array.isArray(parameters)
      ? Object.entries(parameters).map(([parameter, byTeam]) => [concernId, parameter, byTeam] as const)
      : [],
  );
  it.each(driftCases)("reads the %s drift table's %s for every team", (concernId, parameter, byTeam) => {
    const cluster = concern(concernId);
    const read = Object.fromEntries(
      cluster.implementations.map((impl) => [impl.team, impl.parameters[parameter]?.value ?? null]),
    );
    expect(read).toEqual(byTeam);
    expect(cluster.drift.find((column) => column.id === parameter)?.same).toBe(false);
  });

  it("counts how many callers each implementation has, the golden path's through its package", () => {
    const fan = (id: string, team: string) =>
      concern(id).implementations.find((impl) => impl.team === team)?.fanIn ?? -1;
    expect(fan("http-client", "checkout")).toBeGreaterThanOrEqual(5);
    expect(fan("retry", "platform")).toBeGreaterThan(0);
    expect(fan("retry", "checkout")).toBeGreaterThan(fan("retry", "catalog"));
  });

  it("proposes same-job candidates across teams and names the concern that confirms them", () => {
    const retry = result.clones.sameJob.find((c) => c.concern === "retry");
    expect(retry?.teams).toEqual(["checkout", "platform"]);
    expect(retry?.members.map((m) => `${m.repo}/${m.path}`).sort()).toEqual([
      "storefront/apps/web-checkout/src/lib/retry.ts",
      "storefront/packages/platform-kit/src/retry.ts",
    ]);
    expect(result.clones.sameJob.every((c) => c.teams.length >= 2)).toBe(true);
  });

  it("reports the code copied across teams that matches no concern as unnamed work", () => {
    const found = result.unnamed.map((cluster) => cluster.members.map(key).sort());
    expect(found).toEqual(expected.unnamed.map((cluster) => cluster.members.map(key).sort()));
  });

  it("says 'the same code' only where the copies are the same, and otherwise how alike they are", () => {
    const money = result.unnamed.find((c) => c.title.includes("allocate"));
    const transaction = result.unnamed.find((c) => c.title.includes("transaction"));
    expect(money?.identical).toBe(true);
    expect(money?.statement).toContain(": the same code in 2 places owned by 2 teams (checkout, payments)");
    expect(transaction?.identical).toBe(false);
    expect(transaction?.statement).toContain(
      `: code at least ${Math.round((transaction?.similarity ?? 0) * 100)}% alike in 2 places`,
    );
  });

  it.each(expected.traps.map((t) => [`${t.repo}/${t.path}`, t.looksLike] as const))(
    "does not report the trap %s (looks like %s)",
    (path, looksLike) => {
      // A trap only has to stay out of the concern it looks like: the login lockout that doubles is no
      // retry, and it is a rate limiter.
      const reported = [
        ...result.concerns.filter((c) => c.id === looksLike).flatMap((c) => c.implementations),
        ...result.unnamed.flatMap((c) => c.members),
      ].map(where);
      expect(reported).not.toContain(path);
    },
  );

  it.each(expected.setAside.map((s) => [`${s.repo}/${s.path}`, s.reason] as const))(
    "sets aside %s as %s",
    (path, reason) => {
      const skipped = result.skipped.find((s) => `${s.repo}/${s.path}` === path);
      expect(skipped?.reason).toBe(reason);
    },
  );

  it("holds each implementation's authors, commits and first and last change to what git log -L says of its lines", async () => {
    const org = loadExampleOrg(acmeSpecDir);
    for (const impl of result.concerns.flatMap((c) => c.implementations)) {
      const want = await lineHistoryFromGit(join(dir, "acme", impl.repo), impl.path, impl.units);
      const got = impl.history && {
        authors: impl.history.authors,
        commits: impl.history.commits,
        firstSeen: impl.history.firstSeen,
        lastChanged: impl.history.lastChanged,
      };
      expect(impl.history?.attribution).toBe("lines");
      expect({ where: where(impl), history: got }).toEqual({ where: where(impl), history: want });
      // And within what the build wrote to the file: its lines' commits are some of the file's.
      const file = historyFromTimeline(org, impl.repo, impl.path);
      expect(file, `${where(impl)} has history in the timeline`).not.toBeNull();
      expect(impl.history?.commits ?? 0).toBeLessThanOrEqual(file?.commits ?? 0);
      expect(Date.parse(impl.history?.firstSeen ?? "")).toBeGreaterThanOrEqual(
        Date.parse(file?.firstSeen ?? ""),
      );
    }
  });

  it("accounts for every team and repository", () => {
    expect(result.repos.map((r) => [r.name, r.history])).toEqual([
      ["fulfilment-svc", "ok"],
      ["notifications-worker", "ok"],
      ["payments-api", "ok"],
      ["recs-service", "ok"],
      ["storefront", "ok"],
    ]);
    for (const team of [
      "checkout",
      "catalog",
      "identity",
      "payments",
      "fulfilment",
      "insights",
      "platform",
    ]) {
      expect(result.teams.map((t) => t.name)).toContain(team);
    }
  });

  it("prints the sprint-review view", async () => {
    const view = renderTerminal(result, { color: false });
    await expect(view).toMatchFileSnapshot("__snapshots__/acme.terminal.txt");
  });

  it("prints an org's large counts with thousands separators, in the right number", () => {
    // Istio's scan: "(4602 set aside)", "Go 1992 (576,732 lines)", "1028 test files" read unevenly.
    const summary = {
      ...result.summary,
      filesSkipped: 4602,
      testFiles: 1028,
      skippedByReason: { unsupported: 4535 },
      byLanguage: { go: { files: 1992, lines: 576_732 } },
    };
    const setAside = { ...result.clones.setAside, singleTeam: 1235, scaffolding: 1, everywhere: 0 };
    const clones = { ...result.clones, setAside };
    const view = renderTerminal({ ...result, summary, clones }, { color: false });
    expect(view).toContain("read (4,602 set aside)");
    expect(view).toContain("Read: Go 1,992 (576,732 lines)");
    expect(view).toContain("Set aside: 4,535 unsupported");
    expect(view).toContain("Test code: 1,028 test files read but kept out");
    expect(view).toContain("Other clone groups: 1,235 within one team, 1 boilerplate");
  });
});
