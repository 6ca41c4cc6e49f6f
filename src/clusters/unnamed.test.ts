import { describe, expect, it } from "vitest";
import { makeUnit } from "../../test/helpers/units.js";
import type { Unit } from "../lang/index.js";
import type { CloneGroupOfUnits, ClusterFile } from "./model.js";
import { unnamedGroups } from "./unnamed.js";

const file = (path: string, team: string): ClusterFile => ({
  repo: "app",
  path,
  team,
  language: "kotlin",
  imports: [],
  units: [0, 1, 2].map((u) =>
    makeUnit(`${path}#${u}`, { subwords: ["sync", "worker", `w${u}`], flags: ["loop", "branch"] }),
  ),
});

const group = (...members: [file: number, unit: number][]): CloneGroupOfUnits => ({
  level: "unit",
  members: members.map(([f, unit]) => ({ file: f, unit, startLine: 1, endLine: 9, tokens: 60 })),
  similarity: 0.8,
  identical: false,
  tokens: 60,
});

const sizes = (files: ClusterFile[], clones: CloneGroupOfUnits[]) =>
  unnamedGroups(files, clones, () => false)
    .map((g) => g.members.map((m) => `${m.file}:${m.units.join(".")}`).join(" "))
    .sort();

describe("unnamed work", () => {
  it("shows a module copied between two teams once, with every copied unit", () => {
    const files = [file("sync/Worker.kt", "sync"), file("vpn/Worker.kt", "vpn")];
    expect(sizes(files, [group([0, 0], [1, 0]), group([0, 1], [1, 1])])).toEqual(["0:0.1 1:0.1"]);
  });

  it("does not chain different copies through one long file they share", () => {
    // File 0 is a long screen holding a copy of two different idioms: one copied by the vpn team, the
    // other by the autofill team. They are two pieces of unnamed work, not one.
    const files = [
      file("browser/BrowserActivity.kt", "browser"),
      file("vpn/A.kt", "vpn"),
      file("autofill/B.kt", "autofill"),
    ];
    expect(sizes(files, [group([0, 0], [1, 0]), group([0, 1], [2, 1])])).toEqual(["0:0 1:0", "0:1 2:1"]);
  });

  it("is titled by the words the copies share, their names' words and the org's rarer words first", () => {
    const words = ["add", "after", "client", "connect", "release", "transaction", "rollback"];
    const helper = (path: string, team: string, name: string): ClusterFile => ({
      ...file(path, team),
      units: [makeUnit(name, { subwords: words, flags: ["try", "catch"] })],
    });
    // Every other file of the org speaks of clients and of adding.
    const others = [1, 2, 3].map((n) => ({
      ...file(`other${n}.ts`, "other"),
      units: [makeUnit(`o${n}`, { subwords: ["client", "add", "after", "connect"] })],
    }));
    const files = [
      helper("a/db.ts", "a", "withTransaction"),
      helper("b/db.ts", "b", "inTransaction"),
      ...others,
    ];
    const [found] = unnamedGroups(files, [group([0, 0], [1, 0])], () => false);
    // Not the alphabet's first shared words (add, after, client): the name's word, then the rarest.
    expect(found?.title).toBe("transaction · release · rollback");
  });

  describe("is work, not a shape", () => {
    // Two teams' map-a-slice loops (Istio's `getProviderNames` and `genListenerAddress`): the same
    // make-append shape over different things, 61% alike, with almost no words in common.
    const loop = (path: string, team: string, words: string[]): ClusterFile => ({
      ...file(path, team),
      units: [makeUnit(`${path}#0`, { subwords: words, flags: ["loop"] })],
    });
    const providers = loop("model/telemetry.go", "networking", [
      "providers",
      "provider",
      "ref",
      "res",
      "names",
    ]);
    const listeners = loop("validation/validator.go", "tooling", [
      "addresses",
      "port",
      "ports",
      "listener",
      "host",
    ]);
    const nearMiss = (similarity: number, identical = false): CloneGroupOfUnits => ({
      ...group([0, 0], [1, 0]),
      similarity,
      identical,
    });

    it("sets aside a group of two teams' code that shares its shape and not its words", () => {
      expect(unnamedGroups([providers, listeners], [nearMiss(0.61)], () => false)).toEqual([]);
      expect(unnamedGroups([providers, listeners], [nearMiss(1, true)], () => false)).toEqual([]);
    });

    it("keeps a near-miss copy that kept its words, and drops one too loosely alike", () => {
      const copied = loop("tools/gen.go", "tooling", ["providers", "provider", "ref", "names", "sorted"]);
      expect(unnamedGroups([providers, copied], [nearMiss(0.7)], () => false)).toHaveLength(1);
      expect(unnamedGroups([providers, copied], [nearMiss(0.61)], () => false)).toEqual([]);
    });

    it("reads words only between teams: one team's own copies do not vouch for the group", () => {
      const sameTeam = loop("model/other.go", "networking", ["providers", "provider", "ref", "res", "names"]);
      const found = unnamedGroups(
        [providers, sameTeam, listeners],
        [
          {
            ...nearMiss(0.7),
            members: [0, 1, 2].map((f) => ({ file: f, unit: 0, startLine: 1, endLine: 9, tokens: 60 })),
          },
        ],
        () => false,
      );
      expect(found).toEqual([]);
    });

    it("sets aside two teams' wiring that decides nothing, however alike", () => {
      // Two services' `Program.Main`: the same host-builder calls, word for word, with no branch, loop or
      // error handling in either; a framework's required shape, not work to share.
      const words = ["host", "builder", "configure", "serilog", "startup", "defaults"];
      const main = (path: string, team: string, flags: Unit["flags"]): ClusterFile => ({
        ...file(path, team),
        units: [makeUnit("Program.Main", { subwords: words, flags })],
      });
      const identical = nearMiss(1, true);
      expect(
        unnamedGroups(
          [main("Api/Program.cs", "api", []), main("Sso/Program.cs", "sso", ["async"])],
          [identical],
          () => false,
        ),
      ).toEqual([]);
      // One that decides is not enough: the pair of two teams must both do work.
      expect(
        unnamedGroups(
          [main("Api/Program.cs", "api", ["branch"]), main("Sso/Program.cs", "sso", [])],
          [identical],
          () => false,
        ),
      ).toEqual([]);
      expect(
        unnamedGroups(
          [main("Api/Program.cs", "api", ["branch"]), main("Sso/Program.cs", "sso", ["catch"])],
          [identical],
          () => false,
        ),
      ).toHaveLength(1);
    });

    it("reads a class copied whole by what its methods decide", () => {
      // Two teams' queue-consuming hosted services: the class unit's own code is fields and a
      // constructor; its loop over the queue is in a method, a unit of its own inside it.
      const words = ["azure", "queue", "hosted", "service", "executing", "cancellation"];
      const service = (path: string, team: string, methodFlags: Unit["flags"]): ClusterFile => ({
        ...file(path, team),
        units: [
          makeUnit("AzureQueueHostedService", { kind: "class", startLine: 1, endLine: 60, subwords: words }),
          makeUnit("AzureQueueHostedService.ExecuteAsync", {
            kind: "method",
            startLine: 30,
            endLine: 58,
            flags: methodFlags,
          }),
        ],
      });
      const whole = {
        ...nearMiss(0.9),
        members: [0, 1].map((f) => ({ file: f, unit: 0, startLine: 1, endLine: 60, tokens: 400 })),
      };
      expect(
        unnamedGroups(
          [service("Admin/A.cs", "admin", ["loop", "try"]), service("Events/B.cs", "events", ["loop"])],
          [whole],
          () => false,
        ),
      ).toHaveLength(1);
      expect(
        unnamedGroups(
          [service("Admin/A.cs", "admin", []), service("Events/B.cs", "events", [])],
          [whole],
          () => false,
        ),
      ).toEqual([]);
    });
  });
});
