import type { PoolClient } from "pg";
import type { CurrencyCode } from "../currencies/currencies";
import type { ProcessorName } from "../charges/types";

/**
 * Double-entry ledger. Every money movement is one transaction whose lines balance per currency:
 * the sum of debits equals the sum of credits. Balances are never stored, only derived.
 */
export type LedgerAccount =
  | `processor_clearing:${ProcessorName}`
  | "merchant_revenue"
  | "refunds_payable"
  | "chargeback_losses"
  | "fees";

export type TransactionKind = "capture" | "refund" | "chargeback" | "chargeback_reversal" | "fee";

export interface LedgerLine {
  account: LedgerAccount;
  debitMinor: number;
  creditMinor: number;
}

export interface LedgerTransaction {
  kind: TransactionKind;
  /** charge id, refund id or dispute id; unique together with kind. */
  reference: string;
  currency: CurrencyCode;
  lines: LedgerLine[];
}

export class UnbalancedTransactionError extends Error {
  constructor(tx: LedgerTransaction, debits: number, credits: number) {
    super(`${tx.kind} ${tx.reference} is unbalanced: debits ${debits} != credits ${credits}`);
  }
}

export function assertBalanced(tx: LedgerTransaction): void {
  let debits = 0;
  let credits = 0;
  for (const line of tx.lines) {
    if (line.debitMinor < 0 || line.creditMinor < 0) throw new Error("ledger lines must not be negative");
    debits += line.debitMinor;
    credits += line.creditMinor;
  }
  if (debits !== credits || debits === 0) throw new UnbalancedTransactionError(tx, debits, credits);
}

export function captureTransaction(chargeId: string, processor: ProcessorName, amountMinor: number, currency: CurrencyCode): LedgerTransaction {
  return {
    kind: "capture",
    reference: chargeId,
    currency,
    lines: [
      { account: `processor_clearing:${processor}`, debitMinor: amountMinor, creditMinor: 0 },
      { account: "merchant_revenue", debitMinor: 0, creditMinor: amountMinor },
    ],
  };
}

export function refundTransaction(refundId: string, processor: ProcessorName, amountMinor: number, currency: CurrencyCode): LedgerTransaction {
  return {
    kind: "refund",
    reference: refundId,
    currency,
    lines: [
      { account: "merchant_revenue", debitMinor: amountMinor, creditMinor: 0 },
      { account: `processor_clearing:${processor}`, debitMinor: 0, creditMinor: amountMinor },
    ],
  };
}

export async function postTransaction(db: Pick<PoolClient, "query">, tx: LedgerTransaction): Promise<string | null> {
  assertBalanced(tx);
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO ledger_transactions (kind, reference, currency)
     VALUES ($1, $2, $3)
     ON CONFLICT (kind, reference) DO NOTHING
     RETURNING id`,
    [tx.kind, tx.reference, tx.currency],
  );
  const id = inserted.rows[0]?.id;
  // Already posted (webhook replay or a retried job): posting twice would double count.
  if (!id) return null;
  for (const line of tx.lines) {
    await db.query(
      "INSERT INTO ledger_lines (transaction_id, account, debit_minor, credit_minor) VALUES ($1, $2, $3, $4)",
      [id, line.account, line.debitMinor, line.creditMinor],
    );
  }
  return id;
}

export function chargebackTransaction(
  disputeId: string,
  processor: ProcessorName,
  amountMinor: number,
  feeMinor: number,
  currency: CurrencyCode,
): LedgerTransaction {
  const lines: LedgerLine[] = [
    { account: "chargeback_losses", debitMinor: amountMinor, creditMinor: 0 },
    { account: `processor_clearing:${processor}`, debitMinor: 0, creditMinor: amountMinor + feeMinor },
  ];
  if (feeMinor > 0) lines.push({ account: "fees", debitMinor: feeMinor, creditMinor: 0 });
  return { kind: "chargeback", reference: disputeId, currency, lines };
}
