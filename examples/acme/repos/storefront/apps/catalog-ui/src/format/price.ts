import type { Price } from "../api/bff";

const LOCALE_BY_CURRENCY: Record<string, string> = {
  EUR: "de-DE",
  GBP: "en-GB",
  SEK: "sv-SE",
  DKK: "da-DK",
};

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE_BY_CURRENCY[currency] ?? "en-GB", {
      style: "currency",
      currency,
      // whole prices ("49 €") read better on product tiles; cents only when there are some
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    });
    formatters.set(currency, formatter);
  }
  return formatter;
}

export function formatPrice(price: Price): string {
  const fractionDigits = Number.isInteger(price.amount) ? 0 : 2;
  return formatterFor(price.currency)
    .formatToParts(price.amount)
    .map((part) => (part.type === "fraction" && fractionDigits === 2 ? part.value.padEnd(2, "0") : part.value))
    .join("");
}

export function discountPercent(price: Price, compareAt: Price | null): number | null {
  if (!compareAt || compareAt.amount <= price.amount) return null;
  return Math.round(((compareAt.amount - price.amount) / compareAt.amount) * 100);
}
