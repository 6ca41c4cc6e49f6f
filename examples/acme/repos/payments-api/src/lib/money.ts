export type CurrencyCode = "EUR" | "GBP" | "USD" | "SEK" | "DKK" | "NOK";

const MINOR_UNITS: Record<CurrencyCode, number> = {
  EUR: 2,
  GBP: 2,
  USD: 2,
  SEK: 2,
  DKK: 2,
  NOK: 2,
};

export interface Money {
  amountMinor: number;
  currency: CurrencyCode;
}

export function toMinorUnits(amount: number, currency: CurrencyCode): number {
  const factor = 10 ** MINOR_UNITS[currency];
  return Math.round(amount * factor);
}

export function fromMinorUnits(amountMinor: number, currency: CurrencyCode): number {
  const factor = 10 ** MINOR_UNITS[currency];
  return amountMinor / factor;
}

export function formatMoney(money: Money, locale = "en-US"): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: money.currency,
    minimumFractionDigits: MINOR_UNITS[money.currency],
  });
  return formatter.format(fromMinorUnits(money.amountMinor, money.currency));
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  }
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function allocate(money: Money, ratios: number[]): Money[] {
  const total = ratios.reduce((sum, ratio) => sum + ratio, 0);
  let remainder = money.amountMinor;
  const shares = ratios.map((ratio) => {
    const share = Math.floor((money.amountMinor * ratio) / total);
    remainder -= share;
    return { amountMinor: share, currency: money.currency };
  });
  for (let i = 0; remainder > 0; i = (i + 1) % shares.length) {
    const share = shares[i] as Money;
    share.amountMinor += 1;
    remainder -= 1;
  }
  return shares;
}
