import { isSupportedCountry } from "../../address/countries";
import { loadCart } from "../../cart/cart-repository";
import { availableShippingOptions } from "../../shipping/shipping-options";
import { queryParam, route } from "../api-handler";
import { AppError } from "../errors";
import { readCartId } from "../session";

// public holidays on which the Kassel warehouse does not dispatch
const WAREHOUSE_HOLIDAYS = new Set([
  "2025-01-01",
  "2025-04-18",
  "2025-04-21",
  "2025-05-01",
  "2025-05-29",
  "2025-06-09",
  "2025-10-03",
  "2025-12-25",
  "2025-12-26",
  "2026-01-01",
  "2026-04-03",
  "2026-04-06",
  "2026-05-01",
  "2026-05-14",
  "2026-05-25",
  "2026-10-03",
  "2026-12-25",
  "2026-12-26",
]);

export default route({
  async GET(req, res) {
    const country = (queryParam(req, "country") ?? "").toUpperCase();
    if (!isSupportedCountry(country)) {
      throw new AppError("unsupported_country", "we do not ship to this country", 422);
    }
    const cartId = readCartId(req);
    if (!cartId) throw new AppError("no_cart", "there is no cart yet", 409);

    const cart = await loadCart(cartId, country);
    const options = availableShippingOptions(
      { ...cart, country },
      { country, postalCode: queryParam(req, "postalCode") ?? "" },
      new Date(),
      WAREHOUSE_HOLIDAYS,
    );
    res.setHeader("cache-control", "private, max-age=60");
    res.status(200).json({ options });
  },
});
