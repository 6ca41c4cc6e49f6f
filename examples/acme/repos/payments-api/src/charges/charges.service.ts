import { withTransaction } from "../db";
import { audit } from "../audit/audit-log";
import { evaluate } from "../fraud/fraud-check";
import { customerHistory, recordSignal } from "../fraud/velocity";
import { captureTransaction, postTransaction } from "../ledger/ledger";
import { childLogger } from "../lib/logger";
import { conflict, notFound, unprocessable } from "../http/problem";
import { validateAmount } from "../currencies/currencies";
import type { Processors } from "../processors";
import type { FraudThresholds } from "../fraud/fraud-check";
import { findCharge, findPaymentMethod, insertCharge, lockCharge, updateCharge } from "./charges.repo";
import { type Charge, type NewCharge, canTransition } from "./types";

const log = childLogger("charges");

export interface ChargeContext {
  processors: Processors;
  thresholds: FraudThresholds;
  actor: string;
}

export async function createCharge(input: NewCharge, ctx: ChargeContext): Promise<Charge> {
  const amountProblem = validateAmount(input.amountMinor, input.currency);
  if (amountProblem) throw unprocessable("invalid-amount", amountProblem);

  const method = await findPaymentMethod(input.paymentMethodId);
  if (!method || method.customerId !== input.customerId) {
    throw unprocessable("unknown-payment-method", "payment method does not belong to this customer");
  }

  const history = await customerHistory(input.customerId);
  const fraud = evaluate(
    {
      amountMinor: input.amountMinor,
      currency: input.currency,
      ...history,
      ipCountry: input.ipCountry,
      billingCountry: input.billingCountry,
      cardCountry: method.country,
      cardBin: method.bin,
    },
    ctx.thresholds,
  );

  const processor = ctx.processors.primary;
  const charge = await insertCharge({ ...input, processor: processor.name, fraudScore: fraud.score });
  for (const hit of fraud.hits) await recordSignal(charge.id, hit.rule, hit.score, hit.reason);

  if (fraud.decision === "block") {
    audit({ actor: ctx.actor, action: "charge.create", resource: `charge:${charge.id}`, outcome: "denied", details: { score: fraud.score } });
    return updateCharge(charge.id, { status: "declined", declineCode: "fraud_blocked" });
  }

  // Charges in review are only authorised; the risk team captures or voids them by hand.
  const capture = input.captureMode === "automatic" && fraud.decision === "allow";
  const result = await processor.authorize({
    chargeId: charge.id,
    amountMinor: input.amountMinor,
    currency: input.currency,
    paymentMethodToken: method.token,
    capture,
    customerId: input.customerId,
  });

  let updated: Charge;
  if (result.outcome === "error") {
    log.error("processor error on authorize", { chargeId: charge.id, message: result.message });
    updated = await updateCharge(charge.id, { status: "failed" });
  } else if (result.outcome === "declined") {
    updated = await updateCharge(charge.id, {
      status: "declined",
      processorRef: result.processorRef ?? undefined,
      declineCode: result.declineCode,
    });
  } else if (result.outcome === "captured") {
    updated = await withTransaction(async (db) => {
      const row = await updateCharge(
        charge.id,
        { status: "captured", processorRef: result.processorRef, capturedMinor: input.amountMinor },
        db,
      );
      await postTransaction(db, captureTransaction(charge.id, processor.name, input.amountMinor, input.currency));
      return row;
    });
  } else {
    updated = await updateCharge(charge.id, { status: "authorized", processorRef: result.processorRef });
  }

  audit({
    actor: ctx.actor,
    action: "charge.create",
    resource: `charge:${charge.id}`,
    outcome: updated.status === "failed" || updated.status === "declined" ? "failure" : "success",
    details: { status: updated.status, amountMinor: updated.amountMinor, currency: updated.currency, fraudDecision: fraud.decision },
  });
  return updated;
}

export async function captureCharge(chargeId: string, amountMinor: number | undefined, ctx: ChargeContext): Promise<Charge> {
  return withTransaction(async (db) => {
    const charge = await lockCharge(chargeId, db);
    if (!charge) throw notFound("charge", chargeId);
    if (!canTransition(charge.status, "captured") || !charge.processorRef) {
      throw conflict("charge-not-capturable", `charge is ${charge.status}`);
    }
    const amount = amountMinor ?? charge.amountMinor;
    if (amount > charge.amountMinor) {
      throw unprocessable("capture-exceeds-authorization", "cannot capture more than was authorised");
    }
    const processor = ctx.processors.get(charge.processor);
    await processor.capture(charge.processorRef, amount, charge.currency);
    const updated = await updateCharge(chargeId, { status: "captured", capturedMinor: amount }, db);
    await postTransaction(db, captureTransaction(chargeId, charge.processor, amount, charge.currency));
    audit({ actor: ctx.actor, action: "charge.capture", resource: `charge:${chargeId}`, outcome: "success", details: { amountMinor: amount } });
    return updated;
  });
}

export async function voidCharge(chargeId: string, ctx: ChargeContext): Promise<Charge> {
  const charge = await findCharge(chargeId);
  if (!charge) throw notFound("charge", chargeId);
  if (!canTransition(charge.status, "voided") || !charge.processorRef) {
    throw conflict("charge-not-voidable", `charge is ${charge.status}`);
  }
  await ctx.processors.get(charge.processor).void(charge.processorRef);
  const updated = await updateCharge(chargeId, { status: "voided" });
  audit({ actor: ctx.actor, action: "charge.void", resource: `charge:${chargeId}`, outcome: "success" });
  return updated;
}
