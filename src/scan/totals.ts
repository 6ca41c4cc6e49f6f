import type { ScannedFile } from "./scanned-file.js";

/** What the summary counts over every file read. */
export interface OrgTotals {
  filesRead: number;
  testFiles: number;
  units: number;
  lines: number;
  byLanguage: Record<string, { files: number; lines: number }>;
  teams: { name: string; repos: string[]; files: number; byRepositoryName: boolean }[];
  filesReadByRepo: Map<string, number>;
}

/** Files of one repository, language, team and test status, counted together (a file, or a database's group). */
export interface TotalsRow {
  repo: string;
  language: string;
  team: string;
  ownerSource: string;
  isTest: boolean;
  files: number;
  lines: number;
  units: number;
}

/** The summary's counts over rows of files. */
export function totalsOfRows(rows: Iterable<TotalsRow>): OrgTotals {
  const totals: OrgTotals = {
    filesRead: 0,
    testFiles: 0,
    units: 0,
    lines: 0,
    byLanguage: {},
    teams: [],
    filesReadByRepo: new Map(),
  };
  const teams = new Map<string, { repos: Set<string>; files: number; byRepositoryName: boolean }>();
  for (const row of rows) {
    totals.filesRead += row.files;
    if (row.isTest) totals.testFiles += row.files;
    totals.units += row.units;
    totals.lines += row.lines;
    const lang = totals.byLanguage[row.language] ?? { files: 0, lines: 0 };
    totals.byLanguage[row.language] = lang;
    lang.files += row.files;
    lang.lines += row.lines;
    const team = teams.get(row.team) ?? { repos: new Set<string>(), files: 0, byRepositoryName: true };
    team.repos.add(row.repo);
    team.files += row.files;
    team.byRepositoryName &&= row.ownerSource === "fallback";
    teams.set(row.team, team);
    totals.filesReadByRepo.set(row.repo, (totals.filesReadByRepo.get(row.repo) ?? 0) + row.files);
  }
  totals.teams = [...teams]
    .map(([name, t]) => ({
      name,
      repos: [...t.repos].sort(),
      files: t.files,
      byRepositoryName: t.byRepositoryName,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return totals;
}

/** The summary's counts over the files at hand. */
export function totalsOf(allFiles: ScannedFile[]): OrgTotals {
  return totalsOfRows(
    allFiles.map((file) => ({
      repo: file.repo,
      language: file.language,
      team: file.team,
      ownerSource: file.ownerSource,
      isTest: file.isTest,
      files: 1,
      lines: file.lines,
      units: file.units.length,
    })),
  );
}
