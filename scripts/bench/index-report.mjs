// What `npm run bench` prints: per org size a table of the three scans, the checks, the growth from the
// smallest org to the largest against the growth of the code, and the issue's goals; and the same
// figures as one JSON object.

const GOAL_WARM = 0.05; // warm re-scan with nothing changed: under 1/20 of the cold scan
const GOAL_RSS_MIB = 1024; // peak RSS under 1 GiB at a million lines
const MILLION = 1_000_000;
const SCANS = { cold: "cold", warm: "warm", change: "one change" };

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const count = (n) => (Number.isFinite(n) ? n.toLocaleString("en-US") : "–");
const times = (value) => (Number.isFinite(value) ? `×${value.toFixed(2)}` : "–");
const mib = (bytes) => bytes / 2 ** 20;
const pad = (text, width) => String(text).padStart(width);

// Keys whose values are the moment a scan ran: the only thing two scans of the same state may differ in.
const MOMENTS = new Set(["generatedAt"]);

/** The first key path where two scan results differ (moments aside), or null when they are the same. */
export function firstDifference(a, b, path = "") {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found =
        i < a.length && i < b.length ? firstDifference(a[i], b[i], `${path}[${i}]`) : `${path}[${i}]`;
      if (found) return found;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      if (MOMENTS.has(key)) continue;
      const here = path ? `${path}.${key}` : key;
      if (!(key in a) || !(key in b)) return here;
      const found = firstDifference(a[key], b[key], here);
      if (found) return found;
    }
    return null;
  }
  return Object.is(a, b) ? null : path || "(the whole result)";
}

/**
 * Medians of every figure of one org size, and the ratios against the cold scan. Ratios are taken run by
 * run (each against the cold scan just before it) and then their median: a noisy spell moves both.
 */
export function summarize(samples) {
  const figures = {};
  for (const scan of Object.keys(SCANS)) {
    figures[scan] = {};
    for (const key of ["wall", "cpu", "rssMiB"])
      figures[scan][key] = median(samples.map((s) => s[scan][key]));
    if (scan !== "cold") figures[scan].wallToCold = median(samples.map((s) => s[scan].wall / s.cold.wall));
  }
  figures.indexBytes = median(samples.map((s) => s.indexBytes));
  figures.peakRssMiB = Math.max(...Object.keys(SCANS).map((scan) => figures[scan].rssMiB));
  return figures;
}

function sizeTable(size, org, figures, read, checks) {
  const perLines = (rssMiB) => (rssMiB / org.lines) * 100_000;
  const rows = [
    `${size}%: ${org.repos.length} repositories, ${count(org.files)} source files, ${count(org.lines)} lines;` +
      ` lineitem read ${count(read.filesRead)} files (${count(read.lines)} lines); index ${fixed(mib(figures.indexBytes), 1)} MiB` +
      ` (${fixed(figures.indexBytes / org.lines, 0)} bytes per line)`,
    `  ${"scan".padEnd(11)}${pad("wall s", 9)}${pad("÷ cold", 9)}${pad("CPU s", 9)}${pad("peak RSS MiB", 14)}${pad("MiB per 100k lines", 20)}`,
  ];
  for (const [scan, label] of Object.entries(SCANS)) {
    const f = figures[scan];
    const ratio = scan === "cold" ? "1.000" : fixed(f.wallToCold, 3);
    rows.push(
      `  ${label.padEnd(11)}${pad(fixed(f.wall), 9)}${pad(ratio, 9)}${pad(fixed(f.cpu), 9)}${pad(fixed(f.rssMiB, 0), 14)}${pad(fixed(perLines(f.rssMiB), 1), 20)}`,
    );
  }
  rows.push(
    `  warm result = cold result: ${checks.warm}; one-change result = a cold scan of the same state: ${checks.change}`,
  );
  return rows.join("\n");
}

/** How cold time, CPU, RSS and index grow from one size to the next, beside how the lines grow. */
function growth(sizes, orgs, figures) {
  const steps = [];
  for (let i = 1; i < sizes.length; i++) steps.push([sizes[i - 1], sizes[i]]);
  if (sizes.length > 2) steps.push([sizes[0], sizes.at(-1)]);
  return steps.map(([from, to]) => {
    const grew = (pick) => pick(to) / pick(from);
    return {
      from,
      to,
      lines: grew((s) => orgs[s].lines),
      coldWall: grew((s) => figures[s].cold.wall),
      coldCpu: grew((s) => figures[s].cold.cpu),
      peakRss: grew((s) => figures[s].peakRssMiB),
      warmWall: grew((s) => figures[s].warm.wall),
      index: grew((s) => figures[s].indexBytes),
    };
  });
}

function goals(sizes, orgs, figures, steps) {
  const warm = sizes.map((size) => ({
    size,
    ratio: figures[size].warm.wallToCold,
    met: figures[size].warm.wallToCold < GOAL_WARM,
  }));
  const atMillion = sizes.find((size) => orgs[size].lines >= MILLION);
  const rss =
    atMillion === undefined
      ? null
      : {
          size: atMillion,
          lines: orgs[atMillion].lines,
          peakRssMiB: figures[atMillion].peakRssMiB,
          met: figures[atMillion].peakRssMiB < GOAL_RSS_MIB,
        };
  const whole = steps.at(-1);
  const rssGrowth = whole ? { ...whole, met: whole.peakRss <= whole.lines } : null;
  return { warm, rss, rssGrowth };
}

function goalLines(goal) {
  const verdict = (met) => (met ? "met" : "not met");
  const lines = [
    `goal: warm re-scan under 1/20 of the cold scan: ${goal.warm.map((w) => `${w.size}% ${fixed(w.ratio, 3)} ${verdict(w.met)}`).join(", ")}`,
  ];
  lines.push(
    goal.rss
      ? `goal: peak RSS under 1 GiB at 1 million lines: ${goal.rss.size}% (${count(goal.rss.lines)} lines) ${fixed(goal.rss.peakRssMiB, 0)} MiB, ${verdict(goal.rss.met)}`
      : "goal: peak RSS under 1 GiB at 1 million lines: not measured (no chosen size reaches a million lines; add 50 or 100 to --sizes)",
  );
  lines.push(
    goal.rssGrowth
      ? `goal: peak RSS grows no faster than the code: ${goal.rssGrowth.from}% → ${goal.rssGrowth.to}% lines ${times(goal.rssGrowth.lines)}, peak RSS ${times(goal.rssGrowth.peakRss)}, ${verdict(goal.rssGrowth.met)}`
      : "goal: peak RSS grows no faster than the code: not measured (it needs two sizes)",
  );
  return lines;
}

/** The printed report and the JSON of every figure. */
export function report({ header, sizes, orgs, samples, read, checks, edit, runs }) {
  const figures = Object.fromEntries(sizes.map((size) => [size, summarize(samples[size])]));
  const steps = growth(sizes, orgs, figures);
  const goal = goals(sizes, orgs, figures, steps);
  const out = [header, ""];
  for (const size of sizes)
    out.push(sizeTable(size, orgs[size], figures[size], read[size], checks[size]), "");
  if (steps.length) {
    out.push(
      `  ${"growth".padEnd(13)}${pad("lines", 8)}${pad("cold wall", 11)}${pad("cold CPU", 10)}${pad("peak RSS", 10)}${pad("index", 8)}${pad("warm wall", 11)}`,
    );
    for (const s of steps)
      out.push(
        `  ${`${s.from}% → ${s.to}%`.padEnd(13)}${pad(times(s.lines), 8)}${pad(times(s.coldWall), 11)}${pad(times(s.coldCpu), 10)}${pad(times(s.peakRss), 10)}${pad(times(s.index), 8)}${pad(times(s.warmWall), 11)}`,
      );
    out.push("");
  }
  out.push(...goalLines(goal));
  const json = {
    runs,
    edit,
    sizes: Object.fromEntries(
      sizes.map((size) => [
        size,
        { ...orgs[size], read: read[size], checks: checks[size], median: figures[size], runs: samples[size] },
      ]),
    ),
    growth: steps,
    goals: goal,
  };
  return { text: out.join("\n"), json };
}
