import type { Address } from "../address/validate-address";
import type { CountryCode } from "../address/countries";
import { type Cart, subtotal, totalWeightGrams } from "../cart/cart";
import { isEnabled } from "../lib/feature-flags";
import type { CurrencyCode, Money } from "../lib/money";

export type ShippingMethod = "standard" | "express" | "pickup";

export interface ShippingOption {
  id: ShippingMethod;
  label: string;
  carrier: "dhl" | "postnord" | "dpd" | "royal-mail";
  price: Money;
  estimatedDelivery: { from: string; to: string };
}

interface Rate {
  carrier: ShippingOption["carrier"];
  baseMinor: number;
  perKgMinor: number;
  days: [number, number];
}

const RATES: Record<CountryCode, Partial<Record<ShippingMethod, Rate>>> = {
  DE: {
    standard: { carrier: "dhl", baseMinor: 495, perKgMinor: 50, days: [1, 3] },
    express: { carrier: "dhl", baseMinor: 1295, perKgMinor: 100, days: [1, 1] },
    pickup: { carrier: "dhl", baseMinor: 395, perKgMinor: 0, days: [2, 4] },
  },
  AT: { standard: { carrier: "dhl", baseMinor: 795, perKgMinor: 80, days: [2, 4] } },
  FR: { standard: { carrier: "dpd", baseMinor: 695, perKgMinor: 70, days: [2, 4] } },
  NL: {
    standard: { carrier: "dpd", baseMinor: 595, perKgMinor: 60, days: [1, 3] },
    express: { carrier: "dpd", baseMinor: 1395, perKgMinor: 100, days: [1, 1] },
  },
  BE: { standard: { carrier: "dpd", baseMinor: 595, perKgMinor: 60, days: [2, 3] } },
  SE: {
    standard: { carrier: "postnord", baseMinor: 6900, perKgMinor: 500, days: [2, 5] },
    pickup: { carrier: "postnord", baseMinor: 4900, perKgMinor: 0, days: [2, 5] },
  },
  DK: { standard: { carrier: "postnord", baseMinor: 4900, perKgMinor: 400, days: [2, 4] } },
  GB: {
    standard: { carrier: "royal-mail", baseMinor: 499, perKgMinor: 40, days: [3, 5] },
    express: { carrier: "royal-mail", baseMinor: 1199, perKgMinor: 80, days: [1, 2] },
  },
  IE: { standard: { carrier: "dpd", baseMinor: 895, perKgMinor: 90, days: [3, 5] } },
};

/** Free standard shipping from this basket value, in the cart's currency. */
const FREE_STANDARD_FROM: Record<CurrencyCode, number> = {
  EUR: 5000,
  GBP: 4500,
  SEK: 59900,
  DKK: 44900,
  USD: 5000,
};

const LABELS: Record<ShippingMethod, string> = {
  standard: "Standard delivery",
  express: "Express delivery",
  pickup: "Collect from a pickup point",
};

/** Orders placed after the warehouse cut-off leave the next working day. */
const CUT_OFF_HOUR_UTC = 13;

export function addBusinessDays(from: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  const date = new Date(from);
  let added = 0;
  while (added < days) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    const iso = date.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso)) {
      added += 1;
    }
  }
  return date;
}

export function dispatchDate(now: Date, holidays: ReadonlySet<string> = new Set()): Date {
  const weekday = now.getUTCDay();
  const isWorkingDay = weekday !== 0 && weekday !== 6 && !holidays.has(now.toISOString().slice(0, 10));
  if (isWorkingDay && now.getUTCHours() < CUT_OFF_HOUR_UTC) {
    return now;
  }
  return addBusinessDays(now, 1, holidays);
}

function priceFor(rate: Rate, weightGrams: number): number {
  const extraKg = Math.max(0, Math.ceil((weightGrams - 1000) / 1000));
  return rate.baseMinor + extraKg * rate.perKgMinor;
}

export function availableShippingOptions(
  cart: Cart,
  address: Pick<Address, "country" | "postalCode">,
  now = new Date(),
  holidays: ReadonlySet<string> = new Set(),
): ShippingOption[] {
  const rates = RATES[address.country] ?? {};
  const weight = totalWeightGrams(cart);
  const dispatch = dispatchDate(now, holidays);
  const options: ShippingOption[] = [];

  for (const method of ["standard", "express", "pickup"] as const) {
    const rate = rates[method];
    if (!rate) continue;
    if (method === "express" && (!isEnabled("express_shipping") || weight > 20_000)) continue;
    if (method === "pickup" && !isEnabled("pickup_points")) continue;

    let amountMinor = priceFor(rate, weight);
    if (method === "standard" && subtotal(cart).amountMinor >= FREE_STANDARD_FROM[cart.currency]) {
      amountMinor = 0;
    }
    options.push({
      id: method,
      label: LABELS[method],
      carrier: rate.carrier,
      price: { amountMinor, currency: cart.currency },
      estimatedDelivery: {
        from: addBusinessDays(dispatch, rate.days[0], holidays).toISOString().slice(0, 10),
        to: addBusinessDays(dispatch, rate.days[1], holidays).toISOString().slice(0, 10),
      },
    });
  }
  return options;
}
