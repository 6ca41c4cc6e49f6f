import type { CountryCode } from "../address/countries";
import { currencyFor } from "../address/countries";
import { apiFetch, HttpError } from "../lib/http";
import { toMinorUnits } from "../lib/money";
import { retry } from "../lib/retry";
import type { TaxClass } from "../pricing/tax";
import { type Cart, emptyCart, type LineItem } from "./cart";

/** The cart service stores carts as JSON documents keyed by cart id, with decimal prices. */
interface StoredLine {
  sku: string;
  product_id: string;
  name: string;
  image_url?: string;
  unit_price: number;
  quantity: number;
  category_ids: string[];
  weight_grams: number;
  tax_class: TaxClass;
}

interface StoredCart {
  id: string;
  customer_id?: string;
  country: CountryCode;
  items: StoredLine[];
  promo_codes: string[];
  updated_at: string;
}

function fromStored(stored: StoredCart): Cart {
  const currency = currencyFor(stored.country);
  return {
    id: stored.id,
    customerId: stored.customer_id,
    currency,
    country: stored.country,
    items: stored.items.map(
      (line): LineItem => ({
        sku: line.sku,
        productId: line.product_id,
        name: line.name,
        imageUrl: line.image_url,
        unitPrice: { amountMinor: toMinorUnits(line.unit_price, currency), currency },
        quantity: line.quantity,
        categoryIds: line.category_ids,
        weightGrams: line.weight_grams,
        taxClass: line.tax_class,
      }),
    ),
    promoCodes: stored.promo_codes,
    updatedAt: stored.updated_at,
  };
}

function toStored(cart: Cart): StoredCart {
  return {
    id: cart.id,
    customer_id: cart.customerId,
    country: cart.country,
    items: cart.items.map((line) => ({
      sku: line.sku,
      product_id: line.productId,
      name: line.name,
      image_url: line.imageUrl,
      unit_price: line.unitPrice.amountMinor / 100,
      quantity: line.quantity,
      category_ids: line.categoryIds,
      weight_grams: line.weightGrams,
      tax_class: line.taxClass,
    })),
    promo_codes: cart.promoCodes,
    updated_at: cart.updatedAt,
  };
}

export async function loadCart(cartId: string, country: CountryCode = "DE"): Promise<Cart> {
  try {
    const stored = await retry(() => apiFetch<StoredCart>(`/carts/v1/${encodeURIComponent(cartId)}`));
    return fromStored(stored);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) {
      return emptyCart(cartId, currencyFor(country), country);
    }
    throw err;
  }
}

export async function saveCart(cart: Cart): Promise<Cart> {
  // PUT is idempotent, so it is safe to retry
  const stored = await retry(() =>
    apiFetch<StoredCart>(`/carts/v1/${encodeURIComponent(cart.id)}`, { method: "PUT", body: toStored(cart) }),
  );
  return fromStored(stored);
}

export async function deleteCart(cartId: string): Promise<void> {
  await apiFetch<void>(`/carts/v1/${encodeURIComponent(cartId)}`, { method: "DELETE" });
}
