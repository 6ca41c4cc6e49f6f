import { describe, expect, it } from "vitest";
import {
  compileTestDefinition,
  concernFile as file,
  retryDefinition as retry,
  retryDefinitionInput,
} from "../../test/helpers/concerns.js";
import { makeUnit as unit } from "../../test/helpers/units.js";
import { scoreFile } from "./engine.js";
import { groupImplementations } from "./implementations.js";

describe("groupImplementations", () => {
  it("pulls in the helpers a matched unit calls and the sibling methods that call it", () => {
    const units = [
      unit("Client", { kind: "class", startLine: 1, endLine: 30 }),
      unit("Client.request", {
        parent: "Client",
        startLine: 2,
        endLine: 10,
        subwords: ["retry"],
        calls: ["pause"],
        flags: ["loop"],
      }),
      unit("Client.get", { parent: "Client", startLine: 11, endLine: 13, calls: ["request"] }),
      unit("pause", { startLine: 31, endLine: 33, calls: ["setTimeout"] }),
      unit("unrelated", { startLine: 34, endLine: 40 }),
    ];
    const [impl] = groupImplementations(
      file(units),
      [{ unit: 1, concern: "retry", score: 7, evidence: [] }],
      [retry],
    );
    expect(impl?.units).toEqual([1, 2, 3]);
    expect(impl?.matched).toEqual([1]);
    // The lines shown are the work's (the matched method); the helper and the caller support it.
    expect([impl?.startLine, impl?.endLine]).toEqual([2, 10]);
  });

  it("tells the units whose own code does the work from the ones that only support it", () => {
    const units = [
      unit("DEFAULTS", {
        kind: "block",
        declares: ["DEFAULTS"],
        subwords: ["retry", "backoff"],
        startLine: 1,
      }),
      unit("withRetry", {
        subwords: ["with", "retry"],
        calls: ["retryDelay", "format", "sleep"],
        identifiers: ["DEFAULTS"],
        flags: ["loop"],
        startLine: 2,
        endLine: 10,
      }),
      // Its own code is the backoff: retry words, a random jitter, named for it (5 of the 7 points).
      unit("retryDelay", {
        subwords: ["retry", "delay"],
        calls: ["Math.random"],
        startLine: 11,
        endLine: 14,
      }),
      // Called by the loop, but nothing of retry in it.
      unit("format", { subwords: ["format", "message"], startLine: 15, endLine: 18 }),
      // Not called by anyone in the file, yet retry's own work: a backoff helper the module exports.
      unit("retryBackoff", {
        subwords: ["retry", "backoff"],
        calls: ["Math.random"],
        startLine: 19,
        endLine: 22,
      }),
      unit("unrelated", { subwords: ["parse", "date"], startLine: 23, endLine: 25 }),
    ];
    const f = file(units);
    const [impl] = groupImplementations(f, scoreFile(f, [retry]), [retry]);
    expect(impl?.matched).toEqual([1]);
    expect(impl?.units).toEqual([0, 1, 2, 3, 4]);
    // The block's words are data, never work by themselves; the generic helper supports the loop.
    expect(impl?.work).toEqual([1, 2, 4]);
  });

  it("takes a helper only when the implementation's units are its only callers", () => {
    // A service class: its retrying method and forty other methods all call `checkUser`.
    const units = [
      unit("Service", { kind: "class", startLine: 1, endLine: 200 }),
      unit("Service.sync", {
        parent: "Service",
        startLine: 2,
        endLine: 12,
        subwords: ["retry"],
        calls: ["checkUser", "pause"],
        flags: ["loop"],
      }),
      unit("Service.rename", { parent: "Service", startLine: 13, endLine: 20, calls: ["checkUser"] }),
      unit("Service.delete", { parent: "Service", startLine: 21, endLine: 30, calls: ["checkUser"] }),
      unit("checkUser", { startLine: 201, endLine: 210 }),
      unit("pause", { startLine: 211, endLine: 213, calls: ["setTimeout"] }),
    ];
    const [impl] = groupImplementations(
      file(units),
      [{ unit: 1, concern: "retry", score: 7, evidence: [] }],
      [retry],
    );
    // `pause` is the retry's own; `checkUser` is the service's, and so are the methods that call it.
    expect(impl?.units).toEqual([1, 5]);
  });

  it("takes the helpers of a part of the work only when their own code speaks the concern", () => {
    const units = [
      // Matched: the retry loop.
      unit("withRetry", {
        subwords: ["with", "retry"],
        calls: ["sleep"],
        flags: ["loop"],
        startLine: 1,
        endLine: 10,
      }),
      unit("sleep", { calls: ["setTimeout"], startLine: 11, endLine: 13 }),
      // A part of the work by its own code (a long run function that also backs off), whose helpers
      // are its own business: one computes the jitter, the other installs dotfiles.
      unit("run", {
        subwords: ["retry", "backoff"],
        calls: ["setTimeout", "jitter", "installDotfiles"],
        startLine: 20,
        endLine: 300,
      }),
      unit("jitter", { subwords: ["backoff"], calls: ["Math.random"], startLine: 301, endLine: 304 }),
      unit("installDotfiles", { subwords: ["dotfiles"], startLine: 305, endLine: 340 }),
    ];
    const f = file(units);
    const [impl] = groupImplementations(f, scoreFile(f, [retry]), [retry]);
    expect(impl?.matched).toEqual([0]);
    expect(impl?.work).toContain(2);
    expect(impl?.units).toEqual([0, 1, 2, 3]);
  });

  it("counts a class of many methods as part of the work only when two of its methods do the work", () => {
    const retrying = (name: string, startLine: number) =>
      unit(name, {
        parent: "Worker",
        startLine,
        endLine: startLine + 8,
        subwords: ["retry", "backoff"],
        calls: ["setTimeout"],
        flags: ["loop"],
      });
    const plain = (name: string, startLine: number) =>
      unit(name, { parent: "Worker", startLine, endLine: startLine + 8, subwords: ["report", "rows"] });
    const worker = unit("Worker", { kind: "class", startLine: 1, endLine: 40 });
    // One of three methods retries; the class around it is where it sits.
    const one = file([
      worker,
      retrying("Worker.syncWithRetry", 2),
      plain("Worker.report", 11),
      plain("Worker.close", 20),
    ]);
    const [single] = groupImplementations(one, scoreFile(one, [retry]), [retry]);
    expect(single?.work).toEqual([1]);
    // Two of three retry: the class is the retrying worker.
    const two = file([
      worker,
      retrying("Worker.syncWithRetry", 2),
      retrying("Worker.uploadWithRetry", 11),
      plain("Worker.close", 20),
    ]);
    const [double] = groupImplementations(two, scoreFile(two, [retry]), [retry]);
    expect(double?.work).toEqual([0, 1, 2]);
    // A class of two methods is one piece of code, and keeps its reading.
    const small = file([
      unit("Worker", { kind: "class", startLine: 1, endLine: 30 }),
      retrying("Worker.syncWithRetry", 2),
      plain("Worker.report", 11),
    ]);
    const [kept] = groupImplementations(small, scoreFile(small, [retry]), [retry]);
    expect(kept?.work).toEqual([0, 1]);
  });

  it("reads a small module-level block with the units that use it, not a large table of everything", () => {
    const words = { subwords: ["retry", "backoff"], kind: "block" as const };
    const small = unit("POLICY", {
      ...words,
      declares: ["POLICY"],
      tokens: new Uint32Array(40),
      startLine: 1,
    });
    const large = unit("DEFAULTS", {
      ...words,
      declares: ["DEFAULTS"],
      tokens: new Uint32Array(400),
      startLine: 2,
    });
    const loop = { calls: ["sleep"], flags: ["loop" as const], startLine: 3, endLine: 9 };
    const withPolicy = unit("runWithRetry", { ...loop, identifiers: ["POLICY"] });
    const withDefaults = unit("runWithRetry", { ...loop, identifiers: ["DEFAULTS"] });
    expect(scoreFile(file([small, large, withPolicy]), [retry]).map((m) => m.unit)).toEqual([2]);
    expect(scoreFile(file([small, large, withDefaults]), [retry])).toEqual([]);
  });

  it("gives a configured instance to the implementation that uses it", () => {
    const units = [
      unit("channel", { kind: "block", declares: ["channel"], startLine: 1, endLine: 5 }),
      unit("audit", { identifiers: ["channel"], startLine: 6, endLine: 12 }),
    ];
    const drafts = groupImplementations(
      file(units),
      [
        { unit: 0, concern: "structured-logging", score: 6, evidence: [] },
        { unit: 1, concern: "audit-log", score: 7, evidence: [] },
      ],
      [],
    );
    expect(drafts).toHaveLength(1);
    // The instance joins the units; the lines shown stay the audit helper's own.
    expect(drafts[0]).toMatchObject({ concern: "audit-log", units: [0, 1], startLine: 6, endLine: 12 });
  });

  // Retry, asking its parts to wait: the words alone do not do the work.
  const waiting = compileTestDefinition({ ...retryDefinitionInput, threshold: 4, work: ["waits"] });

  it("reports nothing when no unit shows the work by its own code", () => {
    const units = [
      unit("Worker", { kind: "class", subwords: ["retry"], startLine: 1, endLine: 20 }),
      unit("Worker.run", { parent: "Worker", subwords: ["retry", "count"], startLine: 2, endLine: 10 }),
    ];
    const matches = [{ unit: 0, concern: "retry", score: 4, evidence: [] }];
    expect(groupImplementations(file(units), matches, [waiting])).toEqual([]);
  });
});
