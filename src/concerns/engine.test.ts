import { describe, expect, it } from "vitest";
import {
  compileTestDefinition,
  concernFile as file,
  retryDefinition as retry,
} from "../../test/helpers/concerns.js";
import { makeUnit } from "../../test/helpers/units.js";
import type { Unit } from "../lang/index.js";
import { concernsPossibleIn, explainFile, ownWork, scoreFile } from "./engine.js";
import { groupImplementations } from "./implementations.js";

const unit = makeUnit;

describe("scoreFile", () => {
  it("matches a unit that meets every requirement and the threshold, with its evidence", () => {
    const loop = unit("withRetry", {
      subwords: ["with", "retries"],
      calls: ["sleep", "Math.random"],
      flags: ["loop"],
    });
    expect(scoreFile(file([loop]), [retry])).toEqual([
      {
        unit: 0,
        concern: "retry",
        score: 8,
        evidence: ["subword:retry", "call:sleep", "flag:loop", "name:retry", "call:math.random"],
      },
    ]);
  });

  it("refuses a unit that lacks a required kind of evidence, however high its score", () => {
    const businessStep = unit("retryPayment", {
      subwords: ["retry", "payment", "backoff"],
      calls: ["sleep"],
    });
    expect(scoreFile(file([businessStep]), [retry])).toEqual([]);
    const [explained] = explainFile(file([businessStep]), [retry])[0] ?? [];
    expect(explained).toMatchObject({ matched: false, missing: ["loop"] });
  });

  it("refuses a unit below the threshold", () => {
    const weak = unit("run", { subwords: ["retry"], calls: ["setTimeout"], flags: ["loop"] });
    expect(scoreFile(file([weak]), [retry])).toEqual([]);
  });

  it("lets a gate (weight 0) meet a requirement without adding to the score, and never a negative signal", () => {
    const definition = (gateWeight: number) =>
      compileTestDefinition({
        id: "metrics",
        title: "Metrics",
        noun: "metrics wrappers",
        description: "d",
        signals: [
          { id: "records", call: ["increment"], weight: 3 },
          { id: "named", name: ["metrics"], weight: gateWeight },
        ],
        requires: [["records"], ["named"]],
        threshold: 3,
      });
    const wrapper = unit("recordMetrics", { calls: ["client.increment"] });
    const inPassing = unit("saveOrder", { calls: ["metrics.increment"] });
    expect(scoreFile(file([wrapper, inPassing]), [definition(0)])).toEqual([
      { unit: 0, concern: "metrics", score: 3, evidence: ["call:client.increment"] },
    ]);
    expect(scoreFile(file([wrapper]), [definition(-1)])).toEqual([]);
  });

  it("matches calls by their last segments, case-insensitively", () => {
    const go = unit("Do", {
      subwords: ["backoff"],
      calls: ["time.Sleep", "rand.Float64", "Math.Random"],
      flags: ["loop"],
    });
    expect(scoreFile(file([go]), [retry])).toHaveLength(1);
  });

  it("reads a unit together with the data of the module-level blocks it uses, not their calls", () => {
    const block = unit("RETRY", {
      kind: "block",
      declares: ["RETRY"],
      subwords: ["retry"],
      calls: ["setTimeout"],
    });
    const user = unit("run", {
      identifiers: ["RETRY"],
      calls: ["setTimeout", "Math.random"],
      flags: ["loop"],
    });
    const noWait = unit("spin", { identifiers: ["RETRY"], calls: ["Math.random"], flags: ["loop"] });
    const stranger = unit("other", {
      identifiers: ["unrelated"],
      calls: ["setTimeout", "Math.random"],
      flags: ["loop"],
    });
    const matches = scoreFile(file([block, user, noWait, stranger]), [retry]);
    expect(matches.map((m) => m.unit)).toEqual([1]);
  });

  it("reads a unit together with the free functions it calls, but not with the methods it calls", () => {
    const helper = unit("pause", { calls: ["setTimeout"] });
    const caller = unit("run", { subwords: ["retry"], calls: ["pause", "Math.random"], flags: ["loop"] });
    const method = unit("Worker.pause", { kind: "method", parent: "Worker", calls: ["setTimeout"] });
    const methodCaller = unit("Worker.poll", {
      kind: "method",
      parent: "Worker",
      subwords: ["retry"],
      calls: ["this.pause", "Math.random"],
      flags: ["loop"],
    });
    expect(scoreFile(file([helper, caller]), [retry]).map((m) => m.unit)).toEqual([1]);
    expect(scoreFile(file([method, methodCaller]), [retry])).toEqual([]);
  });

  it("reads a class with its methods' words and calls, but not their structure", () => {
    const client = compileTestDefinition({
      id: "client",
      title: "Client",
      noun: "clients",
      description: "calls out with defaults",
      signals: [
        { id: "timeout", subword: "timeout", weight: 3 },
        { id: "calls", call: "send", weight: 3 },
      ],
      requires: [["timeout"], ["calls"]],
      threshold: 6,
    });
    const cls = unit("Client", { kind: "class", startLine: 1, endLine: 20 });
    const ctor = unit("Client.constructor", {
      kind: "method",
      parent: "Client",
      startLine: 2,
      endLine: 6,
      subwords: ["timeout"],
    });
    const get = unit("Client.get", {
      kind: "method",
      parent: "Client",
      startLine: 7,
      endLine: 19,
      calls: ["http.send"],
    });
    const f = file([cls, ctor, get]);
    const matches = scoreFile(f, [client]);
    expect(matches.map((m) => m.unit)).toEqual([0]);
    expect(groupImplementations(f, matches, [client])[0]?.units).toEqual([0, 1, 2]);
    // Retry needs a loop in the same body as the waiting: a loop in one method and retry words in another
    // do not make the class a retry policy.
    const worker = unit("Worker", { kind: "class", startLine: 1, endLine: 20 });
    const poll = unit("Worker.poll", { kind: "method", parent: "Worker", flags: ["loop"], calls: ["sleep"] });
    const redeliver = unit("Worker.redeliver", {
      kind: "method",
      parent: "Worker",
      subwords: ["retry"],
      calls: ["Math.random"],
    });
    expect(scoreFile(file([worker, poll, redeliver]), [retry])).toEqual([]);
  });

  it("reads the names in a unit's own loops: a loop that walks a token, not one beside it or in a method", () => {
    const paging = compileTestDefinition({
      id: "paging",
      title: "Paging",
      noun: "pagers",
      description: "walks pages",
      signals: [
        { id: "token", identifier: "nextPageToken", weight: 3 },
        { id: "walks", looped: "nextPageToken", weight: 3 },
      ],
      requires: [["token"], ["walks"]],
      threshold: 6,
    });
    const walk = unit("listAll", {
      identifiers: ["NextPageToken"],
      loopIdentifiers: ["NextPageToken"],
      flags: ["loop"],
    });
    // A handler that hands the request's token on, and loops over one page's items.
    const passOn = unit("ListTenants", {
      identifiers: ["NextPageToken", "tenant"],
      loopIdentifiers: ["tenant"],
      flags: ["loop"],
    });
    expect(scoreFile(file([walk, passOn]), [paging])).toEqual([
      {
        unit: 0,
        concern: "paging",
        score: 6,
        evidence: ["identifier:nextpagetoken", "looped:nextpagetoken"],
      },
    ]);
    // A class is not read with its methods' loops, as it is not with their flags.
    const cls = unit("Lister", { kind: "class", startLine: 1, endLine: 20, identifiers: ["nextPageToken"] });
    const method = unit("Lister.all", {
      kind: "method",
      parent: "Lister",
      startLine: 2,
      endLine: 19,
      identifiers: ["nextPageToken"],
      loopIdentifiers: ["nextPageToken"],
      flags: ["loop"],
    });
    expect(scoreFile(file([cls, method]), [paging]).map((m) => m.unit)).toEqual([1]);
  });

  it("asks a long unit for proportionately more evidence", () => {
    const evidence = {
      subwords: ["retry"],
      calls: ["sleep", "Math.random"],
      flags: ["loop"] as Unit["flags"],
    };
    const short = unit("retryAll", { ...evidence, tokens: new Uint32Array(1_600) });
    const long = unit("retryAll", { ...evidence, tokens: new Uint32Array(6_400) });
    expect(scoreFile(file([short]), [retry])).toHaveLength(1);
    expect(scoreFile(file([long]), [retry])).toEqual([]);
    expect(explainFile(file([long]), [retry])[0]?.[0]?.threshold).toBe(21);
  });

  it("lets same-file callers of an implementation widen it, never make another", () => {
    const impl = unit("backoff", {
      startLine: 1,
      endLine: 5,
      subwords: ["retry"],
      calls: ["setTimeout", "Math.random"],
      flags: ["loop"],
    });
    const caller = unit("handle", {
      startLine: 7,
      endLine: 9,
      subwords: ["retry"],
      calls: ["backoff"],
      flags: ["loop"],
    });
    const f = file([impl, caller]);
    const drafts = groupImplementations(f, scoreFile(f, [retry]), [retry]);
    expect(drafts).toHaveLength(1);
    expect([drafts[0]?.startLine, drafts[0]?.endLine]).toEqual([1, 9]);
  });

  it("does not count calls into a golden path as a new implementation", () => {
    const adopter = unit("retryRun", { subwords: ["retry"], calls: ["sleep"], flags: ["loop"] });
    expect(scoreFile(file([adopter]), [retry])).toHaveLength(1);
    expect(scoreFile(file([adopter], { adoptedNames: new Set(["sleep"]) }), [retry])).toEqual([]);
  });
});

describe("a unit that clears several concerns", () => {
  const logging = compileTestDefinition({
    id: "logging",
    title: "Logging",
    noun: "logging",
    description: "logs",
    signals: [{ id: "log", subword: "log", weight: 5 }],
    threshold: 5,
  });

  it("belongs to the concern it implements most clearly", () => {
    const audit = unit("retryAudit", {
      subwords: ["retry", "log"],
      calls: ["sleep", "Math.random"],
      flags: ["loop"],
    });
    // retry: 8/7 ≈ 1.14; logging: 5/5 = 1.0 ≥ 0.75 × 1.14, so both stay.
    expect(scoreFile(file([audit]), [retry, logging]).map((m) => m.concern)).toEqual(["retry", "logging"]);
    const strongRetry = compileTestDefinition({
      id: "r",
      title: "R",
      noun: "r",
      description: "r",
      signals: [{ id: "w", subword: "retry", weight: 10 }],
      threshold: 2,
    });
    // r: 10/2 = 5; logging 1.0 < 0.75 × 5, so logging is dropped.
    expect(scoreFile(file([audit]), [strongRetry, logging]).map((m) => m.concern)).toEqual(["r"]);
  });
});

describe("concernsPossibleIn", () => {
  it("names the concerns whose requirements the whole file meets, even spread over its units", () => {
    // No unit retries on its own, but between them the file has the words, the wait and the loop.
    const spread = [
      unit("retryPolicy", { subwords: ["retry", "policy"] }),
      unit("pause", { calls: ["setTimeout"] }),
      unit("drain", { flags: ["loop"] }),
    ];
    expect(concernsPossibleIn(file(spread), [retry])).toEqual(["retry"]);
    expect(scoreFile(file(spread), [retry])).toEqual([]);
  });

  it("names none for a file that lacks a required kind of evidence anywhere", () => {
    const plain = [unit("render", { calls: ["setTimeout"], flags: ["loop"] })];
    expect(concernsPossibleIn(file(plain), [retry])).toEqual([]);
  });

  it("never leaves out a concern the file's units match", () => {
    const loop = unit("withRetry", { subwords: ["with", "retries"], calls: ["sleep"], flags: ["loop"] });
    const units = [loop, unit("format", { subwords: ["format"] })];
    expect(scoreFile(file(units), [retry]).map((m) => m.concern)).toEqual(["retry"]);
    expect(concernsPossibleIn(file(units), [retry])).toEqual(["retry"]);
  });
});

describe("wrappers around a well-known package", () => {
  const withLibraries = { ...retry, libraries: ["p-retry", "github.com/cenkalti/backoff"] };
  const wrapper = unit("withRetry", {
    subwords: ["with", "retry", "fn", "retries"],
    calls: ["pRetry"],
    flags: ["exported"],
  });
  const imports = [{ module: "p-retry", names: ["default"], locals: ["pRetry"], line: 1 }];

  it("reports a team's exported function around one as a wrapper, with the package", () => {
    const matches = scoreFile(file([wrapper], { imports }), [withLibraries]);
    expect(matches).toEqual([
      {
        unit: 0,
        concern: "retry",
        score: 4,
        evidence: ["wraps:p-retry", "subword:retry", "name:retry"],
        wraps: "p-retry",
      },
    ]);
    const drafts = groupImplementations(file([wrapper], { imports }), matches, [withLibraries]);
    expect(drafts[0]?.wraps).toBe("p-retry");
  });

  it("treats a call site that only uses the package as adoption, not a writing", () => {
    const callSite = unit("sendInvoice", {
      subwords: ["send", "invoice", "retry"],
      calls: ["pRetry", "fetch"],
    });
    expect(scoreFile(file([callSite], { imports }), [withLibraries])).toEqual([]);
  });

  it("binds Go and Python imports by their last path segment", () => {
    const goWrapper = unit("Retry", {
      subwords: ["retry", "backoff"],
      calls: ["backoff.Retry"],
      flags: ["exported"],
    });
    const goImports = [{ module: "github.com/cenkalti/backoff", names: [], line: 3 }];
    expect(
      scoreFile(file([goWrapper], { imports: goImports, language: "go" }), [withLibraries])[0]?.wraps,
    ).toBe("github.com/cenkalti/backoff");
  });

  it("binds a Go module by its package name, not its major version", () => {
    const goWrapper = unit("Retry", {
      subwords: ["retry", "backoff"],
      calls: ["backoff.Retry"],
      flags: ["exported"],
    });
    for (const module of ["github.com/cenkalti/backoff/v4", "gopkg.in/cenkalti/backoff.v1"]) {
      const goImports = [{ module, names: [], line: 3 }];
      const libraries = { ...withLibraries, libraries: [module] };
      expect(
        scoreFile(file([goWrapper], { imports: goImports, language: "go" }), [libraries])[0]?.wraps,
      ).toBe(module);
    }
  });
});

describe("parts of the work", () => {
  // Its own reading speaks retry (its field's words and a random jitter: 5 of the 7 points), enough for a
  // part of the work; named and sized as a getter, it hands a value out and does none of the work.
  const part = (name: string, endLine: number) =>
    makeUnit(name, {
      kind: "method",
      parent: "Policy",
      startLine: 10,
      endLine,
      subwords: ["retry", "backoff"],
      calls: ["Math.random"],
    });

  it("never counts a getter or setter as doing the work, whatever its words", () => {
    const units = [
      part("Policy.retryBackoff", 12),
      part("Policy.getRetryBackoff", 12),
      part("Policy.getRetryBackoffFor", 14),
    ];
    const doing = ownWork(file(units), [retry]).doing.get("retry");
    expect(doing).toEqual([0, 2]);
  });
});
