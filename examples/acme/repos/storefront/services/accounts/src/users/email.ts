const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Domains whose mailboxes ignore dots and "+tags" in the local part. */
const DOT_INSENSITIVE = new Set(["gmail.com", "googlemail.com"]);

export function isPlausibleEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * The key we use to find a user by email: lowercase, and for Gmail without dots and +tags, so that
 * "Erika.Muster+shop@gmail.com" cannot open a second account next to "erikamuster@gmail.com".
 * We still send mail to the address exactly as the user typed it.
 */
export function normalizeEmail(value: string): string {
  const trimmed = value.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (DOT_INSENSITIVE.has(domain)) {
    local = local.split("+")[0]!.replace(/\./g, "");
  }
  return `${local}@${domain}`;
}
