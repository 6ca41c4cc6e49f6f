import { type CountryCode, isSupportedCountry } from "./countries";

export interface Address {
  name: string;
  company?: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  region?: string;
  country: CountryCode;
  phone?: string;
}

export type AddressField = keyof Address;

export interface AddressIssue {
  field: AddressField;
  code: "required" | "invalid_format" | "too_long" | "unsupported_country" | "not_deliverable";
}

const POSTAL_CODE_PATTERNS: Record<CountryCode, RegExp> = {
  DE: /^\d{5}$/,
  AT: /^\d{4}$/,
  FR: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/,
  BE: /^\d{4}$/,
  SE: /^\d{3} ?\d{2}$/,
  DK: /^\d{4}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  IE: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/,
};

/** Carrier label limits: DHL and PostNord cut at 35 characters per line. */
const MAX_LINE_LENGTH = 35;

const REQUIRED: AddressField[] = ["name", "line1", "city", "postalCode", "country"];

function collapse(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : undefined;
}

export function formatPostalCode(country: CountryCode, raw: string): string {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  switch (country) {
    case "NL":
      return compact.replace(/^(\d{4})([A-Z]{2})$/, "$1 $2");
    case "SE":
      return compact.replace(/^(\d{3})(\d{2})$/, "$1 $2");
    case "GB":
      // the inward code is always the last three characters
      return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
    case "IE":
      // Eircode: three character routing key, four character unique identifier
      return compact.replace(/^([A-Z\d]{3})([A-Z\d]{4})$/, "$1 $2");
    default:
      return compact;
  }
}

export function normalizeAddress(input: Address): Address {
  const country = input.country.toUpperCase() as CountryCode;
  return {
    name: collapse(input.name) ?? "",
    company: collapse(input.company),
    line1: collapse(input.line1) ?? "",
    line2: collapse(input.line2),
    city: collapse(input.city) ?? "",
    postalCode: isSupportedCountry(country) ? formatPostalCode(country, input.postalCode ?? "") : input.postalCode,
    region: collapse(input.region),
    country,
    phone: collapse(input.phone)?.replace(/[^\d+]/g, ""),
  };
}

/** PO boxes are refused by our express carriers; German Packstations are fine. */
export function isPoBox(line: string): boolean {
  return /\b(p\.?\s?o\.?\s?box|postfach|boîte postale|box\s+\d+)\b/i.test(line);
}

export function validateAddress(input: Address, options: { express?: boolean } = {}): AddressIssue[] {
  const issues: AddressIssue[] = [];
  if (!isSupportedCountry(input.country ?? "")) {
    return [{ field: "country", code: "unsupported_country" }];
  }
  const address = normalizeAddress(input);

  for (const field of REQUIRED) {
    if (!address[field]) issues.push({ field, code: "required" });
  }
  for (const field of ["name", "company", "line1", "line2", "city"] as const) {
    const value = address[field];
    if (value && value.length > MAX_LINE_LENGTH) issues.push({ field, code: "too_long" });
  }
  if (address.postalCode && !POSTAL_CODE_PATTERNS[address.country].test(address.postalCode)) {
    issues.push({ field: "postalCode", code: "invalid_format" });
  }
  if (address.phone && !/^\+?\d{6,15}$/.test(address.phone)) {
    issues.push({ field: "phone", code: "invalid_format" });
  }
  if (options.express && [address.line1, address.line2].some((line) => line && isPoBox(line))) {
    issues.push({ field: "line1", code: "not_deliverable" });
  }
  return issues;
}
