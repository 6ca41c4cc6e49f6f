import { readFile } from "node:fs/promises";
import { closePool } from "../db";
import { isSupportedCurrency, parseDecimalAmount } from "../currencies/currencies";
import { formatDiscrepancies, reconcileDay, type SettlementLine } from "../ledger/reconcile";
import { childLogger } from "../lib/logger";

const log = childLogger("reconcile-day");

/**
 * Reads the settlement CSV finance exports from the processor dashboards
 * (processor,currency,net_settled) and prints the discrepancies for the day.
 *
 *   node dist/jobs/reconcile-day.js 2025-03-14 settlement-2025-03-14.csv
 */
export function parseSettlementCsv(csv: string): SettlementLine[] {
  const lines = csv.trim().split(/\r?\n/).slice(1);
  return lines.map((line, i) => {
    const [processor, currency, net] = line.split(",").map((cell) => cell.trim());
    if ((processor !== "adyen" && processor !== "stripe") || !currency || !isSupportedCurrency(currency) || !net) {
      throw new Error(`line ${i + 2}: cannot parse "${line}"`);
    }
    return { processor, currency, settledMinor: parseDecimalAmount(net, currency) };
  });
}

async function main(day: string | undefined, file: string | undefined): Promise<number> {
  if (!day || !file) {
    log.error("usage: reconcile-day <YYYY-MM-DD> <settlement.csv>");
    return 64;
  }
  const report = parseSettlementCsv(await readFile(file, "utf8"));
  const discrepancies = await reconcileDay(day, report);
  process.stdout.write(`${formatDiscrepancies(day, discrepancies)}\n`);
  return discrepancies.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv[2], process.argv[3])
    .then(async (code) => {
      await closePool();
      process.exit(code);
    })
    .catch((err) => {
      log.error("reconciliation failed", { err });
      process.exit(2);
    });
}
