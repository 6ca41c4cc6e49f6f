import type { CurrencyCode } from "../lib/money";

export type CountryCode = "DE" | "AT" | "FR" | "NL" | "BE" | "SE" | "DK" | "GB" | "IE";

export interface Country {
  code: CountryCode;
  name: string;
  currency: CurrencyCode;
  /** Prices shown to the shopper include VAT in every market we sell in. */
  vatIncluded: true;
}

export const COUNTRIES: Record<CountryCode, Country> = {
  DE: { code: "DE", name: "Germany", currency: "EUR", vatIncluded: true },
  AT: { code: "AT", name: "Austria", currency: "EUR", vatIncluded: true },
  FR: { code: "FR", name: "France", currency: "EUR", vatIncluded: true },
  NL: { code: "NL", name: "Netherlands", currency: "EUR", vatIncluded: true },
  BE: { code: "BE", name: "Belgium", currency: "EUR", vatIncluded: true },
  SE: { code: "SE", name: "Sweden", currency: "SEK", vatIncluded: true },
  DK: { code: "DK", name: "Denmark", currency: "DKK", vatIncluded: true },
  GB: { code: "GB", name: "United Kingdom", currency: "GBP", vatIncluded: true },
  IE: { code: "IE", name: "Ireland", currency: "EUR", vatIncluded: true },
};

export function isSupportedCountry(code: string): code is CountryCode {
  return Object.prototype.hasOwnProperty.call(COUNTRIES, code.toUpperCase());
}

export function currencyFor(country: CountryCode): CurrencyCode {
  return COUNTRIES[country].currency;
}
