import { type CurrencyCode, type Money, fromMinorUnits, toMinorUnits } from "../lib/money";

export type { CurrencyCode, Money };

export const SUPPORTED_CURRENCIES: readonly CurrencyCode[] = ["EUR", "GBP", "USD", "SEK", "DKK", "NOK"];

/** Smallest charge each processor accepts, in minor units. */
const MINIMUM_CHARGE: Record<CurrencyCode, number> = {
  EUR: 50,
  GBP: 30,
  USD: 50,
  SEK: 300,
  DKK: 250,
  NOK: 300,
};

/** Above this a charge always goes to manual review, whatever the fraud score says. */
const REVIEW_ABOVE: Record<CurrencyCode, number> = {
  EUR: 250_000,
  GBP: 200_000,
  USD: 250_000,
  SEK: 2_500_000,
  DKK: 1_800_000,
  NOK: 2_500_000,
};

export function isSupportedCurrency(value: string): value is CurrencyCode {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(value);
}

export function minimumCharge(currency: CurrencyCode): number {
  return MINIMUM_CHARGE[currency];
}

export function reviewThreshold(currency: CurrencyCode): number {
  return REVIEW_ABOVE[currency];
}

export function validateAmount(amountMinor: number, currency: CurrencyCode): string | null {
  if (!Number.isSafeInteger(amountMinor)) return "amount must be an integer number of minor units";
  if (amountMinor < MINIMUM_CHARGE[currency]) {
    return `amount is below the ${currency} minimum of ${fromMinorUnits(MINIMUM_CHARGE[currency], currency)}`;
  }
  return null;
}

/** Converts a decimal string from a processor report ("12.30") into minor units. */
export function parseDecimalAmount(value: string, currency: CurrencyCode): number {
  const amount = Number.parseFloat(value);
  if (Number.isNaN(amount)) throw new Error(`not an amount: ${value}`);
  return toMinorUnits(amount, currency);
}
