import type { CountryCode } from "../address/countries";
import { type CurrencyCode, type Money } from "../lib/money";
import type { TaxClass } from "../pricing/tax";

export const MAX_QUANTITY_PER_LINE = 10;
export const MAX_LINES = 50;

export interface LineItem {
  sku: string;
  productId: string;
  name: string;
  imageUrl?: string;
  unitPrice: Money;
  quantity: number;
  categoryIds: string[];
  weightGrams: number;
  taxClass: TaxClass;
}

export interface Cart {
  id: string;
  customerId?: string;
  currency: CurrencyCode;
  country: CountryCode;
  items: LineItem[];
  promoCodes: string[];
  updatedAt: string;
}

export type CartErrorCode = "quantity_out_of_range" | "too_many_lines" | "currency_mismatch" | "unknown_line";

export class CartError extends Error {
  constructor(
    readonly code: CartErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CartError";
  }
}

export function emptyCart(id: string, currency: CurrencyCode, country: CountryCode, now = new Date()): Cart {
  return { id, currency, country, items: [], promoCodes: [], updatedAt: now.toISOString() };
}

function touch(cart: Cart, items: LineItem[], now: Date): Cart {
  return { ...cart, items, updatedAt: now.toISOString() };
}

function checkQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY_PER_LINE) {
    throw new CartError(
      "quantity_out_of_range",
      `quantity must be a whole number between 1 and ${MAX_QUANTITY_PER_LINE}`,
    );
  }
}

export function addItem(cart: Cart, item: LineItem, now = new Date()): Cart {
  if (item.unitPrice.currency !== cart.currency) {
    throw new CartError("currency_mismatch", `cart is in ${cart.currency}, item is in ${item.unitPrice.currency}`);
  }
  const existing = cart.items.find((line) => line.sku === item.sku);
  if (existing) {
    // adding the same SKU again bumps the quantity, capped instead of rejected
    const quantity = Math.min(existing.quantity + item.quantity, MAX_QUANTITY_PER_LINE);
    return touch(
      cart,
      cart.items.map((line) => (line.sku === item.sku ? { ...line, quantity, unitPrice: item.unitPrice } : line)),
      now,
    );
  }
  checkQuantity(item.quantity);
  if (cart.items.length >= MAX_LINES) {
    throw new CartError("too_many_lines", `a cart holds at most ${MAX_LINES} different products`);
  }
  return touch(cart, [...cart.items, item], now);
}

export function updateQuantity(cart: Cart, sku: string, quantity: number, now = new Date()): Cart {
  if (!cart.items.some((line) => line.sku === sku)) {
    throw new CartError("unknown_line", `no line with SKU ${sku}`);
  }
  if (quantity === 0) {
    return removeItem(cart, sku, now);
  }
  checkQuantity(quantity);
  return touch(
    cart,
    cart.items.map((line) => (line.sku === sku ? { ...line, quantity } : line)),
    now,
  );
}

export function removeItem(cart: Cart, sku: string, now = new Date()): Cart {
  return touch(
    cart,
    cart.items.filter((line) => line.sku !== sku),
    now,
  );
}

export function itemCount(cart: Cart): number {
  return cart.items.reduce((count, line) => count + line.quantity, 0);
}

export function lineTotal(line: LineItem): Money {
  return { amountMinor: line.unitPrice.amountMinor * line.quantity, currency: line.unitPrice.currency };
}

export function subtotal(cart: Cart): Money {
  const amountMinor = cart.items.reduce((sum, line) => sum + lineTotal(line).amountMinor, 0);
  return { amountMinor, currency: cart.currency };
}

export function totalWeightGrams(cart: Cart): number {
  return cart.items.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0);
}

/**
 * When a guest signs in we keep one cart: the customer's saved cart with the guest's lines on top.
 * Quantities of the same SKU are added (and capped), promo codes are unioned, the guest cart's country
 * wins because it reflects where the shopper is now.
 */
export function mergeCarts(guest: Cart, saved: Cart, now = new Date()): Cart {
  if (guest.currency !== saved.currency) {
    // a saved cart in another currency cannot be repriced here; the guest cart wins
    return { ...guest, customerId: saved.customerId, updatedAt: now.toISOString() };
  }
  let merged: Cart = { ...saved, country: guest.country, items: [...saved.items] };
  for (const line of guest.items) {
    if (merged.items.length >= MAX_LINES && !merged.items.some((l) => l.sku === line.sku)) {
      break;
    }
    merged = addItem(merged, line, now);
  }
  const promoCodes = [...new Set([...saved.promoCodes, ...guest.promoCodes])];
  return { ...merged, promoCodes, updatedAt: now.toISOString() };
}
