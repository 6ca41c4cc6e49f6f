// Which dev-set units are labelled, seeded and reproducible:
//   - the random sample: every unit of a package with at most PER_PACKAGE units, and PER_PACKAGE units
//     drawn with a seeded shuffle from each larger package (recall is measured on these only, so the
//     units lineitem happens to flag do not bias it);
//   - every unit lineitem labels with a concern (precision is measured on these).
// The draw depends only on the unit keys (repo/path#name@startLine, pinned packages) and the seed, never
// on what lineitem predicts, so a change to a concern definition does not move the random sample.

export const SEED = 20261124;
export const PER_PACKAGE = 60;

// mulberry32: a small, well-known seeded generator (same sequence on every machine and Node version).
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Per package its own stream (seed mixed with the package's name), so adding a package leaves the
// others' draws as they were.
function seedFor(repo) {
  let h = SEED >>> 0;
  for (const char of repo) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** The random sample: a Set of unit keys, from `units` as devsetUnits lists them. */
export function randomSample(units) {
  const byRepo = new Map();
  for (const unit of units) {
    if (!byRepo.has(unit.repo)) byRepo.set(unit.repo, []);
    byRepo.get(unit.repo).push(unit.key);
  }
  const sample = new Set();
  for (const [repo, keys] of [...byRepo].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...keys].sort();
    if (sorted.length <= PER_PACKAGE) {
      for (const key of sorted) sample.add(key);
      continue;
    }
    const next = generator(seedFor(repo));
    for (let i = sorted.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
    }
    for (const key of sorted.slice(0, PER_PACKAGE)) sample.add(key);
  }
  return sample;
}

/** (unit key → concerns) lineitem labels, from a scan result: the units that do the work (not `type` units). */
export function predictedLabels(result) {
  const predicted = new Map();
  for (const cluster of result.concerns) {
    for (const impl of cluster.implementations) {
      for (const unit of impl.units) {
        // The concern is the label of the units that do its work; the ones that support it carry none.
        if (unit.kind === "type" || unit.role === "support") continue;
        const key = `${impl.repo}/${impl.path}#${unit.name}@${unit.startLine}`;
        if (!predicted.has(key)) predicted.set(key, new Set());
        predicted.get(key).add(cluster.id);
      }
    }
  }
  return predicted;
}
