import { Router } from "express";
import { z } from "zod";
import type { Config } from "../config";
import { asyncHandler } from "../http/async-handler";
import { HttpProblem, notFound } from "../http/problem";
import { validateBody } from "../http/validate";
import { idempotent } from "../lib/idempotency";
import { SUPPORTED_CURRENCIES } from "../currencies/currencies";
import type { Processors } from "../processors";
import { findCharge, listChargesForOrder } from "./charges.repo";
import { type ChargeContext, captureCharge, createCharge, voidCharge } from "./charges.service";
import type { Charge } from "./types";

const createChargeBody = z.object({
  orderId: z.string().min(1).max(64),
  customerId: z.string().uuid(),
  amountMinor: z.number().int().positive(),
  currency: z.enum(SUPPORTED_CURRENCIES as [string, ...string[]]).transform((c) => c as Charge["currency"]),
  captureMode: z.enum(["automatic", "manual"]).default("automatic"),
  paymentMethodId: z.string().uuid(),
  ipCountry: z.string().length(2).toUpperCase().optional(),
  billingCountry: z.string().length(2).toUpperCase().optional(),
});

const captureBody = z.object({
  amountMinor: z.number().int().positive().optional(),
});

/** What callers see. Internal fields (fraud score, retry bookkeeping) stay inside. */
export function present(charge: Charge) {
  return {
    id: charge.id,
    orderId: charge.orderId,
    status: charge.status,
    amountMinor: charge.amountMinor,
    currency: charge.currency,
    capturedMinor: charge.capturedMinor,
    refundedMinor: charge.refundedMinor,
    declineCode: charge.declineCode,
    processor: charge.processor,
    createdAt: charge.createdAt.toISOString(),
  };
}

export function chargesRouter(processors: Processors, config: Config) {
  const router = Router();
  const context = (caller: unknown): ChargeContext => ({
    processors,
    thresholds: { review: config.FRAUD_REVIEW_THRESHOLD, block: config.FRAUD_BLOCK_THRESHOLD },
    actor: String(caller ?? "unknown"),
  });

  router.post(
    "/",
    idempotent(),
    validateBody(createChargeBody),
    asyncHandler(async (req, res) => {
      const charge = await createCharge(req.body, context(res.locals.caller));
      res.status(charge.status === "failed" ? 502 : 201).json(present(charge));
    }),
  );

  router.get(
    "/",
    asyncHandler(async (req, res) => {
      const orderId = String(req.query.orderId ?? "");
      if (!orderId) throw new HttpProblem(400, "order-id-required", "orderId query parameter is required");
      const charges = await listChargesForOrder(orderId);
      res.json({ data: charges.map(present) });
    }),
  );

  router.get(
    "/:id",
    asyncHandler(async (req, res) => {
      const charge = await findCharge(req.params.id);
      if (!charge) throw notFound("charge", req.params.id);
      res.json(present(charge));
    }),
  );

  router.post(
    "/:id/capture",
    idempotent(),
    validateBody(captureBody),
    asyncHandler(async (req, res) => {
      const charge = await captureCharge(req.params.id, req.body.amountMinor, context(res.locals.caller));
      res.json(present(charge));
    }),
  );

  router.post(
    "/:id/void",
    asyncHandler(async (req, res) => {
      const charge = await voidCharge(req.params.id, context(res.locals.caller));
      res.json(present(charge));
    }),
  );

  return router;
}
