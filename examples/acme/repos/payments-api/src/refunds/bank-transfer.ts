import { getPool } from "../db";
import { audit } from "../audit/audit-log";
import { findCharge } from "../charges/charges.repo";
import { conflict, notFound, unprocessable } from "../http/problem";
import { refundableMinor } from "./refunds.service";

// Vendored: the npm package pulls in a locale bundle we don't need. See vendor/iban.js.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const iban = require("../../vendor/iban.js") as {
  isValid(value: string): boolean;
  electronicFormat(value: string): string;
  countryOf(value: string): string;
};

const SEPA_CURRENCIES = new Set(["EUR", "SEK", "DKK", "NOK"]);

export interface BankTransferRequest {
  chargeId: string;
  amountMinor: number;
  accountHolder: string;
  iban: string;
  requestedBy: string;
}

/**
 * Refunds the card network won't take any more (charge older than the refund window, card closed)
 * are paid out by finance as a SEPA transfer. We only queue the instruction; finance's payout run
 * picks it up and books it.
 */
export async function queueBankTransferRefund(req: BankTransferRequest): Promise<{ id: string }> {
  const charge = await findCharge(req.chargeId);
  if (!charge) throw notFound("charge", req.chargeId);
  if (!SEPA_CURRENCIES.has(charge.currency)) {
    throw unprocessable("currency-not-sepa", `${charge.currency} refunds can't be paid by SEPA transfer`);
  }
  if (req.amountMinor <= 0 || req.amountMinor > refundableMinor(charge)) {
    throw unprocessable("refund-exceeds-captured", "amount is more than what is left to refund");
  }
  const account = iban.electronicFormat(req.iban);
  if (!iban.isValid(account)) throw unprocessable("invalid-iban", "IBAN failed validation");

  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO bank_transfer_refunds (charge_id, amount_minor, currency, account_holder, iban, requested_by)
     SELECT $1, $2, $3, $4, $5, $6
      WHERE NOT EXISTS (SELECT 1 FROM bank_transfer_refunds WHERE charge_id = $1 AND status = 'queued')
     RETURNING id`,
    [charge.id, req.amountMinor, charge.currency, req.accountHolder, account, req.requestedBy],
  );
  const queued = rows[0];
  if (!queued) throw conflict("transfer-already-queued", "a bank transfer for this charge is already queued");

  audit({
    actor: req.requestedBy,
    action: "refund.bank_transfer.queue",
    resource: `charge:${charge.id}`,
    outcome: "success",
    details: { transferId: queued.id, amountMinor: req.amountMinor, ibanCountry: iban.countryOf(account) },
  });
  return queued;
}
