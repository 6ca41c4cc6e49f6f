import { clearingTotalForDay } from "./ledger.repo";
import { type CurrencyCode, type Money, formatMoney } from "../lib/money";
import { SUPPORTED_CURRENCIES } from "../currencies/currencies";
import { childLogger } from "../lib/logger";
import type { ProcessorName } from "../charges/types";

const log = childLogger("reconcile");

export interface SettlementLine {
  processor: ProcessorName;
  currency: CurrencyCode;
  /** Net amount the processor says it settled for the day, in minor units. */
  settledMinor: number;
}

export interface Discrepancy {
  processor: ProcessorName;
  currency: CurrencyCode;
  expected: Money;
  settled: Money;
  difference: Money;
}

/**
 * Compares the clearing account movements of one day with the processor's settlement report.
 * Finance gets the list of discrepancies in the morning; an empty list means the day is closed.
 */
export async function reconcileDay(day: string, report: SettlementLine[]): Promise<Discrepancy[]> {
  const discrepancies: Discrepancy[] = [];
  const processors: ProcessorName[] = ["adyen", "stripe"];
  for (const processor of processors) {
    for (const currency of SUPPORTED_CURRENCIES) {
      const expectedMinor = await clearingTotalForDay(processor, day, currency);
      const settledMinor =
        report.find((line) => line.processor === processor && line.currency === currency)?.settledMinor ?? 0;
      if (expectedMinor === settledMinor) continue;
      discrepancies.push({
        processor,
        currency,
        expected: { amountMinor: expectedMinor, currency },
        settled: { amountMinor: settledMinor, currency },
        difference: { amountMinor: settledMinor - expectedMinor, currency },
      });
    }
  }
  log.info("reconciled settlement day", { day, discrepancies: discrepancies.length });
  return discrepancies;
}

export function formatDiscrepancies(day: string, discrepancies: Discrepancy[]): string {
  if (discrepancies.length === 0) return `${day}: all clearing accounts match settlement.`;
  const lines = discrepancies.map(
    (d) =>
      `  ${d.processor} ${d.currency}: ledger ${formatMoney(d.expected, "en-GB")}, ` +
      `settled ${formatMoney(d.settled, "en-GB")} (diff ${formatMoney(d.difference, "en-GB")})`,
  );
  return [`${day}: ${discrepancies.length} discrepancies`, ...lines].join("\n");
}
