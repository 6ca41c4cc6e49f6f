import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderJson, renderLedgerCsv, renderLedgerView } from "../report/index.js";
import type { ScanResult } from "../result/index.js";
import { readStoredScan } from "../scan/index.js";
import { UserError } from "../shared/index.js";
import { emitViewCsvJson, type ScanningFlags, scanWithProgress } from "./commands.js";
import { type CliIo, useColor } from "./io.js";

export interface LedgerFlags extends Omit<ScanningFlags, "showBoilerplate"> {
  from?: string;
  csv?: string;
  json?: string;
  color: boolean;
}

export const LEDGER_HELP = `
The ledger prices what the repeats cost: for each concern (and each cluster of unnamed work), every
writing but the golden path (or, without one, the first writing) and its upkeep, counted from the
commits that changed each implementation's own lines, in engineer-days (low–high) and money, quarter by
quarter, cumulative; beside it, a funded MVP platform team (2–3 engineers) over the same quarters, the
quarter the repeats overtook it (if they did), and who absorbs the work. Then the advice: approach A
(stay federated), B (a virtual team, for at most two quarters) or C (fund an MVP platform team), each
reason with its figure and threshold. The effort model and every default: docs/ledger.md; change them
under ledger: and advisor: in lineitem.config.yaml.

People are counted, not named. --people adds a row per person (names); --emails adds their emails.

Examples:
  $ lineitem ledger ~/src/acme                         scan, then print the ledger and the advice
  $ lineitem ledger ~/src/acme --csv ledger.csv        also write it for a spreadsheet
  $ lineitem scan ~/src/acme --json scan.json && lineitem ledger --from scan.json --csv -
`;

function readFrom(file: string, io: CliIo): ScanResult {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UserError(
      "scan-missing",
      `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
  return readStoredScan(text, file);
}

/** `lineitem ledger`: from a fresh scan of PATHs, or from a stored scan with --from. */
export async function runLedger(paths: string[], flags: LedgerFlags, io: CliIo): Promise<number> {
  if (flags.from && paths.length > 0)
    throw new UserError("usage", "give either PATHs to scan or --from a stored scan, not both.");
  if (!flags.from && paths.length === 0)
    throw new UserError(
      "usage",
      "give the repositories to scan, or --from a file `lineitem scan --json` wrote.",
    );
  if (flags.from && (flags.people || flags.emails))
    throw new UserError(
      "usage",
      "--people and --emails apply when scanning; a stored scan has per-person rows only if it was written with them.",
    );
  const result = flags.from ? readFrom(flags.from, io) : await scanWithProgress(paths, flags, io);
  emitViewCsvJson(flags, io, {
    view: () => renderLedgerView(result, { color: useColor(io, flags.color) }),
    csv: () => renderLedgerCsv(result.ledger),
    json: () => renderJson(result),
  });
  return 0;
}
