import { getPool } from "../db";
import { countRecentCharges } from "../charges/charges.repo";

export interface CustomerHistory {
  customerAgeDays: number;
  chargesLastHour: number;
  declinesLastHour: number;
}

/**
 * Everything the fraud rules need to know about the customer's recent behaviour. Customer age comes
 * from the first charge we saw, not from the accounts service, so guest checkouts count as new.
 */
export async function customerHistory(customerId: string): Promise<CustomerHistory> {
  const [recent, first] = await Promise.all([
    countRecentCharges(customerId, 60),
    getPool().query<{ first_seen: Date | null }>(
      "SELECT min(created_at) AS first_seen FROM charges WHERE customer_id = $1",
      [customerId],
    ),
  ]);
  const firstSeen = first.rows[0]?.first_seen;
  const customerAgeDays = firstSeen ? Math.floor((Date.now() - firstSeen.getTime()) / 86_400_000) : 0;
  return { customerAgeDays, chargesLastHour: recent.total, declinesLastHour: recent.declined };
}

export async function recordSignal(chargeId: string, rule: string, score: number, reason: string): Promise<void> {
  await getPool().query("INSERT INTO fraud_signals (charge_id, rule, score, reason) VALUES ($1, $2, $3, $4)", [
    chargeId,
    rule,
    score,
    reason,
  ]);
}
