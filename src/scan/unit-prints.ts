import type { Unit } from "../lang/index.js";
import { printScheme, type SimilarityOptions, type UnitPrints, unitPrints } from "../similarity/index.js";
import type { ScanIndex } from "../store/index.js";
import type { OrgListing, RepoRead } from "./list-org.js";

/** What the index keeps per blob for copy lookups: each printable unit's index in the file, and its prints. */
export interface StoredPrints {
  units: (UnitPrints & { index: number })[];
}

/** The prints of a file's units (blocks are never called copies on their own, so none are kept). */
export function printsOf(units: readonly Unit[], similarity: SimilarityOptions): StoredPrints {
  return {
    units: units.flatMap((unit, index) => {
      if (unit.kind === "block") return [];
      const prints = unitPrints(unit.tokens, similarity);
      return prints ? [{ index, ...prints }] : [];
    }),
  };
}

/**
 * Keeps the prints of every blob this scan read that the index has none of yet (a re-run computes them
 * only for changed files), so `lineitem check` can compare new code with the whole org by reading prints
 * rather than every file's units.
 */
export function keepPrints(
  index: ScanIndex,
  listing: OrgListing,
  reads: readonly RepoRead[],
  similarity: SimilarityOptions,
): void {
  const scheme = printScheme(similarity);
  const unitsByFile = new Map<string, Unit[]>();
  for (const read of reads)
    for (const file of read.files) unitsByFile.set(`${file.repo}\0${file.path}`, file.units);
  const keys = new Map<string, { blobSha: string; kind: string; units: Unit[] }>();
  for (const entry of listing.entries) {
    if (!entry.content.ok) continue;
    const units = unitsByFile.get(`${entry.file.repo}\0${entry.file.path}`);
    if (units)
      keys.set(`${entry.content.blobSha}\0${entry.kind}`, {
        blobSha: entry.content.blobSha,
        kind: entry.kind,
        units,
      });
  }
  const missing = index.missingPrints([...keys.values()], scheme);
  index.putPrints(
    missing.map(({ blobSha, kind }) => ({
      blobSha,
      kind,
      scheme,
      prints: printsOf(keys.get(`${blobSha}\0${kind}`)?.units ?? [], similarity),
    })),
  );
}
