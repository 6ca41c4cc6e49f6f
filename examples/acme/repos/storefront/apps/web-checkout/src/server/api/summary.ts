import { loadCart } from "../../cart/cart-repository";
import { priceCart } from "../../pricing/pricing";
import { loadPromotions } from "../../promotions/promo-code";
import { applyPromotions } from "../../promotions/promotions";
import { availableShippingOptions, type ShippingMethod } from "../../shipping/shipping-options";
import { queryParam, route } from "../api-handler";
import { readCartId } from "../session";

export default route({
  async GET(req, res) {
    const cartId = readCartId(req);
    if (!cartId) {
      res.status(200).json({ prices: null, promotions: [] });
      return;
    }
    const cart = await loadCart(cartId);
    const now = new Date();
    const promotions = applyPromotions(cart, await loadPromotions(cart.promoCodes), now);
    const method = queryParam(req, "shipping") as ShippingMethod | undefined;
    const postalCode = queryParam(req, "postalCode") ?? "";
    const option = method
      ? availableShippingOptions(cart, { country: cart.country, postalCode }, now).find((o) => o.id === method)
      : undefined;

    res.status(200).json({
      prices: priceCart(cart, promotions, option),
      promotions: promotions.applied,
      rejected: promotions.rejected,
    });
  },
});
