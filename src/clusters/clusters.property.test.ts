import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeUnit } from "../../test/helpers/units.js";
import { groupByConcern } from "./group.js";
import type { CloneGroupOfUnits, ClusterFile, FoundImplementation } from "./model.js";
import { unnamedGroups } from "./unnamed.js";

// Invariants of the cluster stage over random orgs: what is found never depends on the order files are
// listed in, and unnamed work always spans teams.

const UNITS_PER_FILE = 3;

interface Org {
  files: ClusterFile[];
  clones: CloneGroupOfUnits[];
  implementations: FoundImplementation[];
}

const org = fc
  .array(
    fc.tuple(fc.constantFrom("checkout", "payments", "search", "platform"), fc.constantFrom("shop", "pay")),
    {
      minLength: 2,
      maxLength: 12,
    },
  )
  .chain((owners) => {
    const files: ClusterFile[] = owners.map(([team, repo], i) => ({
      repo,
      path: `src/file-${i}.ts`,
      team,
      language: "typescript",
      imports: [],
      units: Array.from({ length: UNITS_PER_FILE }, (_, u) =>
        makeUnit(`unit${i}_${u}`, { subwords: ["money", "amount", `w${u}`] }),
      ),
    }));
    const member = fc.record({
      file: fc.integer({ min: 0, max: files.length - 1 }),
      unit: fc.integer({ min: 0, max: UNITS_PER_FILE - 1 }),
    });
    const clone = fc
      .uniqueArray(member, { minLength: 2, maxLength: 5, selector: (m) => `${m.file}:${m.unit}` })
      .map(
        (members): CloneGroupOfUnits => ({
          level: "unit",
          members: members.map((m) => ({ ...m, startLine: 1, endLine: 2, tokens: 40 })),
          similarity: 0.9,
          identical: false,
          tokens: 40,
        }),
      );
    const impl = fc.record({
      file: fc.integer({ min: 0, max: files.length - 1 }),
      unit: fc.integer({ min: 0, max: UNITS_PER_FILE - 1 }),
      concern: fc.constantFrom("retry", "audit-log"),
    });
    return fc.record({
      files: fc.constant(files),
      clones: fc.array(clone, { maxLength: 6 }),
      implementations: fc
        .uniqueArray(impl, { maxLength: 6, selector: (i) => `${i.file}:${i.concern}` })
        .map((list) =>
          list.map(
            (i): FoundImplementation => ({
              concern: i.concern,
              file: i.file,
              units: [i.unit],
              matched: [i.unit],
              work: [i.unit],
              score: 5,
              evidence: [],
              startLine: 1,
              endLine: 2,
            }),
          ),
        ),
    });
  });

/** The same org with its files listed in another order (every index remapped). */
function reordered(o: Org, order: number[]): Org {
  const where = new Map(order.map((old, now) => [old, now]));
  const at = (file: number) => where.get(file) as number;
  return {
    files: order.map((old) => o.files[old] as ClusterFile),
    clones: o.clones
      .map((g) => ({ ...g, members: g.members.map((m) => ({ ...m, file: at(m.file) })) }))
      .reverse(),
    implementations: o.implementations.map((i) => ({ ...i, file: at(i.file) })).reverse(),
  };
}

const withOrder = org.chain((o) =>
  fc
    .shuffledSubarray(
      o.files.map((_, i) => i),
      { minLength: o.files.length, maxLength: o.files.length },
    )
    .map((order) => ({ o, order })),
);

const place = (o: Org, file: number) => `${o.files[file]?.repo}/${o.files[file]?.path}`;

function unnamedOf(o: Org): string[] {
  const taken = new Set(o.implementations.flatMap((i) => i.units.map((u) => `${i.file}:${u}`)));
  return unnamedGroups(o.files, o.clones, (file, unit) => taken.has(`${file}:${unit}`))
    .map(
      (g) =>
        `${g.teams.join(",")} | ${g.members
          .map((m) => `${place(o, m.file)}#${m.units.join(".")}`)
          .sort()
          .join(" ")}`,
    )
    .sort();
}

function concernsOf(o: Org): string[] {
  return groupByConcern(o.files, o.implementations, [])
    .map(
      (g) =>
        `${g.concern} ${g.crossTeam} ${g.teams.join(",")} | ${g.implementations.map((i) => place(o, i.file)).join(" ")}`,
    )
    .sort();
}

describe("clusters (properties)", () => {
  it("never calls one team's code unnamed work, and never counts a unit of an implementation in it", () => {
    fc.assert(
      fc.property(org, (o) => {
        const taken = new Set(o.implementations.flatMap((i) => i.units.map((u) => `${i.file}:${u}`)));
        for (const group of unnamedGroups(o.files, o.clones, (f, u) => taken.has(`${f}:${u}`))) {
          const teams = new Set(group.members.map((m) => o.files[m.file]?.team));
          expect(teams.size).toBeGreaterThanOrEqual(2);
          expect(group.teams).toEqual([...teams].sort());
          for (const m of group.members)
            for (const u of m.units) expect(taken.has(`${m.file}:${u}`)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("finds the same unnamed work and the same concern groups whatever order the files come in", () => {
    fc.assert(
      fc.property(withOrder, ({ o, order }) => {
        const other = reordered(o, order);
        expect(unnamedOf(other)).toEqual(unnamedOf(o));
        expect(concernsOf(other)).toEqual(concernsOf(o));
      }),
      { numRuns: 500 },
    );
  });

  it("calls a concern cross-team exactly when two or more teams implement it", () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const group of groupByConcern(o.files, o.implementations, [])) {
          const teams = new Set(group.implementations.map((i) => o.files[i.file]?.team));
          expect(group.crossTeam).toBe(teams.size >= 2);
          expect(group.teams).toEqual([...teams].sort());
        }
      }),
      { numRuns: 500 },
    );
  });
});
