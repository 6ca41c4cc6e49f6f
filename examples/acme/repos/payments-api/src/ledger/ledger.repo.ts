import { getPool } from "../db";
import type { CurrencyCode } from "../currencies/currencies";
import type { LedgerAccount } from "./ledger";

export interface AccountBalance {
  account: LedgerAccount;
  currency: CurrencyCode;
  debitMinor: number;
  creditMinor: number;
  balanceMinor: number;
}

export async function balances(asOf: Date = new Date()): Promise<AccountBalance[]> {
  const { rows } = await getPool().query<{
    account: LedgerAccount;
    currency: CurrencyCode;
    debit: string;
    credit: string;
  }>(
    `SELECT l.account, t.currency, sum(l.debit_minor) AS debit, sum(l.credit_minor) AS credit
       FROM ledger_lines l
       JOIN ledger_transactions t ON t.id = l.transaction_id
      WHERE t.posted_at <= $1
      GROUP BY l.account, t.currency
      ORDER BY l.account, t.currency`,
    [asOf],
  );
  return rows.map((r) => ({
    account: r.account,
    currency: r.currency,
    debitMinor: Number(r.debit),
    creditMinor: Number(r.credit),
    balanceMinor: Number(r.debit) - Number(r.credit),
  }));
}

export async function clearingTotalForDay(processor: string, day: string, currency: CurrencyCode): Promise<number> {
  const { rows } = await getPool().query<{ net: string | null }>(
    `SELECT sum(l.debit_minor - l.credit_minor) AS net
       FROM ledger_lines l
       JOIN ledger_transactions t ON t.id = l.transaction_id
      WHERE l.account = $1 AND t.currency = $2
        AND t.posted_at >= $3::date AND t.posted_at < $3::date + interval '1 day'`,
    [`processor_clearing:${processor}`, currency, day],
  );
  return Number(rows[0]?.net ?? 0);
}

export async function transactionsForCharge(chargeId: string) {
  const { rows } = await getPool().query(
    `SELECT t.id, t.kind, t.reference, t.currency, t.posted_at AS "postedAt"
       FROM ledger_transactions t
      WHERE t.reference = $1
         OR t.reference IN (SELECT id::text FROM refunds WHERE charge_id = $1)
      ORDER BY t.posted_at`,
    [chargeId],
  );
  return rows;
}
