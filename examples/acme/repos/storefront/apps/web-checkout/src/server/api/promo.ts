import { z } from "zod";
import { loadCart, saveCart } from "../../cart/cart-repository";
import { findPromotion, isWellFormedCode, loadPromotions, normalizeCode } from "../../promotions/promo-code";
import { applyPromotions, checkEligibility } from "../../promotions/promotions";
import { parseBody, queryParam, route } from "../api-handler";
import { AppError } from "../errors";
import { readCartId } from "../session";

const MAX_CODES = 3;

const REASONS: Record<string, string> = {
  not_started: "This code is not active yet.",
  expired: "This code has expired.",
  below_minimum: "Your basket is below the minimum value for this code.",
  no_matching_items: "None of the items in your basket qualify for this code.",
  not_stackable: "This code cannot be combined with the code you already used.",
  currency_mismatch: "This code is not valid in your country.",
};

async function requireCart(cartId: string | undefined) {
  if (!cartId) throw new AppError("no_cart", "there is no cart to apply a code to", 409);
  return loadCart(cartId);
}

export default route({
  async POST(req, res) {
    const { code: raw } = parseBody(z.object({ code: z.string().max(64) }), req);
    const code = normalizeCode(raw);
    if (!isWellFormedCode(code)) {
      throw new AppError("invalid_code", "That does not look like a promo code.", 422);
    }
    const cart = await requireCart(readCartId(req));
    if (cart.promoCodes.includes(code)) {
      res.status(200).json({ cart, message: "This code is already applied." });
      return;
    }
    if (cart.promoCodes.length >= MAX_CODES) {
      throw new AppError("too_many_codes", `You can use at most ${MAX_CODES} codes per order.`, 422);
    }

    const promo = await findPromotion(code);
    if (!promo) {
      throw new AppError("unknown_code", "We don't recognise that code.", 404);
    }
    const existing = await loadPromotions(cart.promoCodes);
    const reason = checkEligibility(promo, cart, new Date(), existing);
    if (reason) {
      throw new AppError(reason, REASONS[reason] ?? "This code cannot be used.", 422);
    }

    const updated = await saveCart({ ...cart, promoCodes: [...cart.promoCodes, code] });
    const result = applyPromotions(updated, [...existing, promo]);
    res.status(200).json({ cart: updated, promotions: result });
  },

  async DELETE(req, res) {
    const code = normalizeCode(queryParam(req, "code") ?? "");
    const cart = await requireCart(readCartId(req));
    const updated = await saveCart({ ...cart, promoCodes: cart.promoCodes.filter((c) => c !== code) });
    res.status(200).json({ cart: updated });
  },
});
