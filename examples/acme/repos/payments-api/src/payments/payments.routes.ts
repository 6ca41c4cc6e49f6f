import { Router } from "express";
import { asyncHandler } from "../http/async-handler";
import { present } from "../charges/charges.routes";
import { idempotent } from "../lib/idempotency";
import { transactionsForCharge } from "../ledger/ledger.repo";
import type { Processors } from "../processors";
import { retryPayment } from "./retry-payment";

/**
 * Checkout-facing payment operations. A "payment" is a charge seen from the order's side; the ids
 * are the same.
 */
export function paymentsRouter(processors: Processors) {
  const router = Router();

  router.post(
    "/:id/retry",
    idempotent(),
    asyncHandler(async (req, res) => {
      const charge = await retryPayment(req.params.id, { processors, actor: String(res.locals.caller) });
      res.json(present(charge));
    }),
  );

  router.get(
    "/:id/ledger",
    asyncHandler(async (req, res) => {
      res.json({ data: await transactionsForCharge(req.params.id) });
    }),
  );

  return router;
}
