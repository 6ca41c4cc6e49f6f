import { Router } from "express";
import { z } from "zod";
import { asyncHandler } from "../http/async-handler";
import { validateBody } from "../http/validate";
import { idempotent } from "../lib/idempotency";
import type { Processors } from "../processors";
import { listRefunds } from "./refunds.repo";
import { createRefund } from "./refunds.service";
import { queueBankTransferRefund } from "./bank-transfer";

const createRefundBody = z.object({
  amountMinor: z.number().int().positive().optional(),
  reason: z.enum(["customer_request", "duplicate", "fraudulent", "order_cancelled", "goodwill"]),
});

const bankTransferBody = z.object({
  amountMinor: z.number().int().positive(),
  accountHolder: z.string().min(2).max(140),
  iban: z.string().min(15).max(42),
});

export function refundsRouter(processors: Processors) {
  const router = Router({ mergeParams: true });

  router.post(
    "/",
    idempotent(),
    validateBody(createRefundBody),
    asyncHandler(async (req, res) => {
      const refund = await createRefund(
        {
          chargeId: req.params.chargeId as string,
          amountMinor: req.body.amountMinor,
          reason: req.body.reason,
          actor: String(res.locals.caller),
        },
        processors,
      );
      res.status(refund.status === "succeeded" ? 201 : 202).json(refund);
    }),
  );

  router.post(
    "/bank-transfer",
    idempotent(),
    validateBody(bankTransferBody),
    asyncHandler(async (req, res) => {
      const queued = await queueBankTransferRefund({
        chargeId: req.params.chargeId as string,
        ...req.body,
        requestedBy: String(res.locals.caller),
      });
      res.status(202).json(queued);
    }),
  );

  router.get(
    "/",
    asyncHandler(async (req, res) => {
      res.json({ data: await listRefunds(req.params.chargeId as string) });
    }),
  );

  return router;
}
