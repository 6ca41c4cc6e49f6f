import type { ExampleOrg } from "../../src/demo/index.js";

export interface OracleNewcomer {
  email: string;
  /** The team org.yaml gives the person (the tool infers it from the files they touched). */
  team: string | undefined;
  first: string;
  daysToNth: number | null;
  daysToSecondRepo: number | null;
}

const DAY_MS = 86_400_000;
const utcDay = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);

/**
 * Onboarding worked out from the example org's timelines and org.yaml, not from git: every commit's
 * author and co-authors (bots out, the laptop address mapped to its owner as payments-api's .mailmap
 * does), each person's commits in date order, people starting in the org's first 30 days set aside.
 */
export function onboardingFromTimeline(org: ExampleOrg, nth: number) {
  const alias = new Map([["kofi@kofis-laptop.local", "kofi.mensah@acme.example"]]);
  const teamOf = new Map(org.people.map((p) => [p.email.toLowerCase(), p.team]));
  const commits: { email: string; repo: string; date: string }[] = [];
  for (const repo of org.repos) {
    for (const commit of repo.commits) {
      for (const person of [commit.author, ...(commit.coauthors ?? [])]) {
        if (person.name.includes("[bot]")) continue;
        const email = person.email.toLowerCase();
        commits.push({ email: alias.get(email) ?? email, repo: repo.name, date: commit.date });
      }
    }
  }
  const orgStart = Math.min(...commits.map((c) => Date.parse(c.date)));
  const byPerson = new Map<string, typeof commits>();
  for (const c of commits) byPerson.set(c.email, [...(byPerson.get(c.email) ?? []), c]);
  const newcomers: OracleNewcomer[] = [];
  let founders = 0;
  for (const [email, own] of byPerson) {
    own.sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.repo.localeCompare(b.repo));
    const first = own[0] as (typeof own)[number];
    if (Date.parse(first.date) < orgStart + 30 * DAY_MS) {
      founders += 1;
      continue;
    }
    const nthCommit = own[nth - 1];
    const elsewhere = own.find((c) => c.repo !== first.repo);
    newcomers.push({
      email,
      team: teamOf.get(email),
      first: first.date,
      daysToNth: nthCommit ? utcDay(nthCommit.date) - utcDay(first.date) : null,
      daysToSecondRepo: elsewhere ? utcDay(elsewhere.date) - utcDay(first.date) : null,
    });
  }
  return { founders, newcomers };
}

export function quarterOfIso(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
