import { createLogger } from "@acme/platform-kit";
import { z } from "zod";
import { loadCart } from "../../cart/cart-repository";
import {
  type GiftCard,
  hasValidCheckDigit,
  isUsable,
  maskCardNumber,
  normalizeCardNumber,
} from "../../giftcards/gift-card";
import { apiFetch, HttpError } from "../../lib/http";
import { isEnabled } from "../../lib/feature-flags";
import { parseBody, route } from "../api-handler";
import { AppError } from "../errors";
import { readCartId } from "../session";

const log = createLogger({ service: "web-checkout" }).child({ module: "gift-cards" });

const lookupSchema = z.object({
  cardNumber: z.string().min(16).max(24),
  pin: z.string().regex(/^\d{4}$/),
});

async function lookup(cardNumber: string, pin: string): Promise<GiftCard | undefined> {
  try {
    return await apiFetch<GiftCard>("/giftcards/v1/lookup", {
      method: "POST",
      body: { card_number: cardNumber, pin },
    });
  } catch (err) {
    if (err instanceof HttpError && (err.status === 404 || err.status === 403)) {
      return undefined;
    }
    throw err;
  }
}

export default route({
  async POST(req, res) {
    if (!isEnabled("gift_cards")) {
      throw new AppError("not_available", "Gift cards cannot be used yet.", 404);
    }
    const body = parseBody(lookupSchema, req);
    const cardNumber = normalizeCardNumber(body.cardNumber);
    if (!hasValidCheckDigit(cardNumber)) {
      throw new AppError("invalid_card_number", "Please check the gift card number.", 422);
    }
    const cartId = readCartId(req);
    if (!cartId) throw new AppError("no_cart", "there is no cart to pay for", 409);
    const cart = await loadCart(cartId);

    const card = await lookup(cardNumber, body.pin);
    if (!card) {
      // wrong number/PIN combinations are how card guessing shows up, so keep an eye on the rate
      log.warn("gift card lookup failed", { card: maskCardNumber(cardNumber), cartId });
      throw new AppError("unknown_card", "We couldn't find a gift card with this number and PIN.", 404);
    }
    if (!isUsable(card, cart.currency)) {
      log.info("gift card not usable", { card: maskCardNumber(cardNumber), status: card.status });
      throw new AppError("card_not_usable", "This gift card has no balance left or has expired.", 422);
    }
    log.info("gift card accepted", { card: maskCardNumber(cardNumber), cartId });
    res.status(200).json({ giftCard: { id: card.id, label: maskCardNumber(cardNumber), balance: card.balance } });
  },
});
