import { indexRepos, reportFromDb } from "../scan/index.js";
import type { CliIo } from "./io.js";
import { progressReporter } from "./progress.js";
import { emitReport, type ReportFlags } from "./report-command.js";

export interface IndexFlags {
  db?: string;
  name?: string;
  config?: string;
  includeTests?: boolean;
  jobs?: number;
  quiet?: boolean;
}

export const INDEX_HELP = `
Writes one repository's units, copy fingerprints (LSH band keys), concern matches, fan-in and history to
the org-wide index on PostgreSQL, replacing what that repository had there, in one transaction. Run it
wherever the repository's CI runs, with the org's lineitem.config.yaml; then \`lineitem report --db\`
reports across every repository indexed. Only files whose bytes the database has never seen are parsed.

The database comes from --db, else LINEITEM_DATABASE_URL, else \`database:\` in the config. Keep
passwords out of command lines and files: PGPASSWORD or ~/.pgpass work as for psql.

Examples:
  $ lineitem index . --db postgres://lineitem@db.internal/lineitem --config ../org/lineitem.config.yaml
  $ LINEITEM_DATABASE_URL=postgres://… lineitem index ./checkout --name payments-api
`;

/** `lineitem index PATH… --db URL`. */
export async function runIndex(paths: string[], flags: IndexFlags, io: CliIo): Promise<number> {
  const reporter = progressReporter(io, flags.quiet);
  try {
    const done = await indexRepos({
      paths,
      cwd: io.cwd,
      ...dbOf(flags, io),
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.config ? { configFile: flags.config } : {}),
      ...(flags.includeTests ? { includeTests: true } : {}),
      ...(flags.jobs ? { workers: flags.jobs } : {}),
      onProgress: reporter.listener,
    });
    reporter.stop();
    for (const repo of done) {
      io.stdout(
        `${repo.name}: ${repo.files} files (${repo.parsed} parsed, ${repo.reused} already in the index), ${repo.units} units fingerprinted, ${repo.implementations} implementations.\n`,
      );
    }
  } finally {
    reporter.stop();
  }
  return 0;
}

export interface DbReportFlags extends Pick<ReportFlags, "trend" | "format" | "out"> {
  db?: string;
  config?: string;
  json?: string;
  people?: boolean;
  emails?: boolean;
  showBoilerplate?: boolean;
  quiet?: boolean;
  color: boolean;
}

function dbOf(flags: { db?: string }, io: CliIo): { db?: string } {
  const db = flags.db ?? io.env.LINEITEM_DATABASE_URL;
  return db ? { db } : {};
}

/** `lineitem report --db URL`: the result across every repository in the org-wide index. */
export async function runDbReport(flags: DbReportFlags, io: CliIo): Promise<number> {
  const reporter = progressReporter(io, flags.quiet);
  const result = await reportFromDb({
    cwd: io.cwd,
    ...dbOf(flags, io),
    ...(flags.config ? { configFile: flags.config } : {}),
    people: Boolean(flags.people || flags.emails),
    emails: Boolean(flags.emails),
    ...(flags.showBoilerplate ? { showBoilerplate: true } : {}),
    onProgress: reporter.listener,
  }).finally(() => reporter.stop());
  return emitReport(result, "the org-wide index", flags, io);
}
