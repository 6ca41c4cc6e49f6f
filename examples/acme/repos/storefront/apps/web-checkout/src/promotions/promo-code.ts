import { apiFetch, HttpError } from "../lib/http";
import { retry } from "../lib/retry";
import type { Promotion } from "./promotions";

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,23}$/;

/** Shoppers paste codes from emails with spaces, lowercase and the odd trailing dot. */
export function normalizeCode(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[\s.]+$/g, "")
    .replace(/\s+/g, "-");
}

export function isWellFormedCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

export async function findPromotion(code: string): Promise<Promotion | undefined> {
  try {
    return await retry(() => apiFetch<Promotion>(`/promotions/v1/codes/${encodeURIComponent(code)}`));
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) {
      return undefined;
    }
    throw err;
  }
}

export async function loadPromotions(codes: string[]): Promise<Promotion[]> {
  const found = await Promise.all(codes.map((code) => findPromotion(code)));
  return found.filter((promo): promo is Promotion => promo !== undefined);
}
