import { type Cart, type LineItem, lineTotal, subtotal } from "../cart/cart";
import { allocate, type Money } from "../lib/money";

export type PromotionRule =
  | { kind: "percent_off"; percent: number; categoryIds?: string[] }
  | { kind: "amount_off"; amount: Money }
  | { kind: "free_shipping" }
  | { kind: "buy_x_get_y"; sku: string; buy: number; free: number };

export interface Promotion {
  code: string;
  description: string;
  rule: PromotionRule;
  minSubtotal?: Money;
  startsAt?: string;
  endsAt?: string;
  /** A non-stackable promotion cannot be combined with any other code. */
  stackable: boolean;
}

export type Ineligibility =
  | "not_started"
  | "expired"
  | "below_minimum"
  | "no_matching_items"
  | "not_stackable"
  | "currency_mismatch";

export interface AppliedPromotion {
  code: string;
  description: string;
  discount: Money;
  /** Discount per SKU, used to spread the discount over lines for tax. */
  perLine: Record<string, number>;
  freeShipping: boolean;
}

export interface PromotionResult {
  applied: AppliedPromotion[];
  rejected: { code: string; reason: Ineligibility }[];
  discount: Money;
  freeShipping: boolean;
}

function matchingLines(cart: Cart, rule: PromotionRule): LineItem[] {
  switch (rule.kind) {
    case "percent_off":
      if (!rule.categoryIds?.length) return cart.items;
      return cart.items.filter((line) => line.categoryIds.some((id) => rule.categoryIds?.includes(id)));
    case "buy_x_get_y":
      return cart.items.filter((line) => line.sku === rule.sku && line.quantity >= rule.buy + rule.free);
    case "amount_off":
    case "free_shipping":
      return cart.items;
  }
}

export function checkEligibility(
  promo: Promotion,
  cart: Cart,
  now: Date,
  alreadyApplied: Promotion[] = [],
): Ineligibility | null {
  if (promo.startsAt && now < new Date(promo.startsAt)) return "not_started";
  if (promo.endsAt && now >= new Date(promo.endsAt)) return "expired";
  if (promo.minSubtotal) {
    if (promo.minSubtotal.currency !== cart.currency) return "currency_mismatch";
    if (subtotal(cart).amountMinor < promo.minSubtotal.amountMinor) return "below_minimum";
  }
  if (promo.rule.kind === "amount_off" && promo.rule.amount.currency !== cart.currency) {
    return "currency_mismatch";
  }
  if (matchingLines(cart, promo.rule).length === 0) return "no_matching_items";
  if (alreadyApplied.length > 0 && (!promo.stackable || alreadyApplied.some((p) => !p.stackable))) {
    return "not_stackable";
  }
  return null;
}

function percentOff(lines: LineItem[], percent: number): Record<string, number> {
  const perLine: Record<string, number> = {};
  for (const line of lines) {
    perLine[line.sku] = Math.floor((lineTotal(line).amountMinor * percent) / 100);
  }
  return perLine;
}

function amountOff(cart: Cart, amount: Money): Record<string, number> {
  // spread a fixed discount over lines in proportion to their value, never more than the cart is worth
  const capped = Math.min(amount.amountMinor, subtotal(cart).amountMinor);
  const shares = allocate(
    { amountMinor: capped, currency: cart.currency },
    cart.items.map((line) => lineTotal(line).amountMinor),
  );
  const perLine: Record<string, number> = {};
  cart.items.forEach((line, index) => {
    perLine[line.sku] = shares[index]?.amountMinor ?? 0;
  });
  return perLine;
}

function buyXGetY(lines: LineItem[], buy: number, free: number): Record<string, number> {
  const perLine: Record<string, number> = {};
  for (const line of lines) {
    const groups = Math.floor(line.quantity / (buy + free));
    perLine[line.sku] = groups * free * line.unitPrice.amountMinor;
  }
  return perLine;
}

export function discountFor(promo: Promotion, cart: Cart): Record<string, number> {
  const rule = promo.rule;
  switch (rule.kind) {
    case "percent_off":
      return percentOff(matchingLines(cart, rule), rule.percent);
    case "amount_off":
      return amountOff(cart, rule.amount);
    case "buy_x_get_y":
      return buyXGetY(matchingLines(cart, rule), rule.buy, rule.free);
    case "free_shipping":
      return {};
  }
}

/**
 * Applies the cart's codes in the order the shopper entered them. Later codes only see what is left of
 * each line after earlier discounts, so two 50 % codes never make a line free.
 */
export function applyPromotions(cart: Cart, promotions: Promotion[], now = new Date()): PromotionResult {
  const applied: AppliedPromotion[] = [];
  const appliedPromos: Promotion[] = [];
  const rejected: PromotionResult["rejected"] = [];
  const remaining = new Map(cart.items.map((line) => [line.sku, lineTotal(line).amountMinor]));

  for (const promo of promotions) {
    const reason = checkEligibility(promo, cart, now, appliedPromos);
    if (reason) {
      rejected.push({ code: promo.code, reason });
      continue;
    }
    const perLine: Record<string, number> = {};
    let total = 0;
    for (const [sku, amount] of Object.entries(discountFor(promo, cart))) {
      const left = remaining.get(sku) ?? 0;
      const taken = Math.min(amount, left);
      remaining.set(sku, left - taken);
      perLine[sku] = taken;
      total += taken;
    }
    appliedPromos.push(promo);
    applied.push({
      code: promo.code,
      description: promo.description,
      discount: { amountMinor: total, currency: cart.currency },
      perLine,
      freeShipping: promo.rule.kind === "free_shipping",
    });
  }

  const discountMinor = applied.reduce((sum, p) => sum + p.discount.amountMinor, 0);
  return {
    applied,
    rejected,
    discount: { amountMinor: discountMinor, currency: cart.currency },
    freeShipping: applied.some((p) => p.freeShipping),
  };
}
