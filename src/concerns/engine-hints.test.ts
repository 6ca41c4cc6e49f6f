import { describe, expect, it } from "vitest";
import { compileTestDefinition as compile, concernFile as file } from "../../test/helpers/concerns.js";
import { makeUnit as unit } from "../../test/helpers/units.js";
import { definitionSchema } from "./definition.js";
import { explainFile, scoreFile } from "./engine.js";
import { groupImplementations } from "./implementations.js";

// The two hints a definition may give beyond weights and requirements: a signal that needs several of its
// patterns (`atLeast`), and the signals a part of the work must show by its own code (`work`).

const logging = compile({
  id: "logging",
  title: "Logging",
  noun: "loggers",
  description: "a logger of its own",
  signals: [
    { id: "word", subword: "log", weight: 2 },
    { id: "levels", string: ["debug", "info", "warn", "error"], atLeast: 3, weight: 3 },
  ],
  requires: [["word"], ["levels"]],
  threshold: 5,
});

describe("atLeast", () => {
  it("fires when that many different patterns match, with every value that fired", () => {
    const own = unit("makeLogger", {
      subwords: ["make", "logger", "log"],
      literals: ["debug", "info", "error"].map((value) => ({ kind: "string" as const, value, line: 1 })),
    });
    const [explained] = explainFile(file([own]), [logging])[0] ?? [];
    expect(explained?.matched).toBe(true);
    expect(explained?.fired).toContain("levels=string:debug+info+error");
  });

  it("does not fire on fewer: code that logs an error names one level", () => {
    const user = unit("save", {
      subwords: ["save", "log"],
      literals: [{ kind: "string", value: "error", line: 1 }],
    });
    expect(scoreFile(file([user]), [logging])).toEqual([]);
  });

  it("is refused above the number of patterns", () => {
    const input = {
      id: "x",
      title: "X",
      noun: "x",
      description: "x",
      signals: [{ subword: ["a", "b"], atLeast: 3, weight: 1 }],
      threshold: 1,
    };
    expect(definitionSchema.safeParse(input).success).toBe(false);
  });
});

const cache = (work?: string[]) =>
  compile({
    id: "caching",
    title: "Caching",
    noun: "caches",
    description: "keeps values",
    signals: [
      { id: "word", subword: "cache", weight: 3 },
      { id: "store", call: "/\\.(get|set)$/", weight: 2 },
      { id: "ttl", subword: "ttl", weight: 2 },
    ],
    requires: [["word"], ["store"]],
    threshold: 7,
    ...(work ? { work } : {}),
  });

describe("work", () => {
  // A cache class, a method that reads the store, and a getter that only says "cache".
  const units = [
    unit("Cache", { kind: "class", startLine: 1, endLine: 20, subwords: ["cache", "ttl"] }),
    unit("Cache.get", {
      kind: "method",
      parent: "Cache",
      startLine: 2,
      endLine: 8,
      subwords: ["cache", "ttl"],
      calls: ["this.entries.get"],
    }),
    unit("Cache.cacheName", {
      kind: "method",
      parent: "Cache",
      startLine: 9,
      endLine: 10,
      subwords: ["cache", "name", "ttl"],
    }),
  ];
  const workOf = (definition: ReturnType<typeof cache>) => {
    const f = file(units);
    return groupImplementations(f, scoreFile(f, [definition]), [definition])[0]?.work;
  };

  it("without it, a part is work when its own code reaches the share of the threshold", () => {
    expect(workOf(cache())).toEqual([0, 1, 2]);
  });

  it("with it, a part must also fire one of the listed signals by its own code", () => {
    expect(workOf(cache(["store"]))).toEqual([0, 1]);
  });

  it("names only signals the definition has", () => {
    expect(() => cache(["nothing"])).toThrow(/work: no signal has the id "nothing"/);
  });
});
