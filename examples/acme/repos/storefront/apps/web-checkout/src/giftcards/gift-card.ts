import type { CurrencyCode, Money } from "../lib/money";

export interface GiftCard {
  id: string;
  last4: string;
  balance: Money;
  expiresAt: string | null;
  status: "active" | "redeemed" | "blocked";
}

export interface GiftCardRedemption {
  giftCardId: string;
  amount: Money;
}

const CARD_NUMBER = /^\d{16}$/;

/** Cards are printed in groups of four; shoppers type them with spaces or dashes. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/** Our card numbers end in a Luhn check digit, which catches most typos before we call the API. */
export function hasValidCheckDigit(cardNumber: string): boolean {
  if (!CARD_NUMBER.test(cardNumber)) return false;
  let sum = 0;
  for (let i = 0; i < cardNumber.length; i++) {
    let digit = Number(cardNumber[cardNumber.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function maskCardNumber(cardNumber: string): string {
  return `•••• ${cardNumber.slice(-4)}`;
}

export function isUsable(card: GiftCard, currency: CurrencyCode, now = new Date()): boolean {
  if (card.status !== "active") return false;
  if (card.balance.currency !== currency || card.balance.amountMinor <= 0) return false;
  return card.expiresAt === null || new Date(card.expiresAt) > now;
}

/**
 * Spends gift cards against an order total in the order given, each for as much as it can cover.
 * Returns what each card pays and what is left for the card payment.
 */
export function planRedemptions(total: Money, cards: GiftCard[]): { redemptions: GiftCardRedemption[]; due: Money } {
  let remaining = total.amountMinor;
  const redemptions: GiftCardRedemption[] = [];
  for (const card of cards) {
    if (remaining === 0) break;
    const amountMinor = Math.min(card.balance.amountMinor, remaining);
    if (amountMinor === 0) continue;
    redemptions.push({ giftCardId: card.id, amount: { amountMinor, currency: total.currency } });
    remaining -= amountMinor;
  }
  return { redemptions, due: { amountMinor: remaining, currency: total.currency } };
}
