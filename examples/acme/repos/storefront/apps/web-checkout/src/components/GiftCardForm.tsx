import { type FormEvent, useState } from "react";
import { formatMoney, type Money } from "../lib/money";

interface AppliedCard {
  id: string;
  label: string;
  balance: Money;
}

interface GiftCardFormProps {
  onApplied: (card: AppliedCard) => void;
}

export function GiftCardForm({ onApplied }: GiftCardFormProps) {
  const [cardNumber, setCardNumber] = useState("");
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<AppliedCard[]>([]);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const res = await fetch("/checkout/api/gift-cards", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ cardNumber, pin }),
      });
      const body = (await res.json()) as { giftCard?: AppliedCard; error?: { message: string } };
      if (!res.ok || !body.giftCard) {
        setError(body.error?.message ?? "This gift card cannot be used.");
        return;
      }
      setApplied((cards) => [...cards, body.giftCard as AppliedCard]);
      onApplied(body.giftCard);
      setCardNumber("");
      setPin("");
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="gift-card-form" onSubmit={submit}>
      <h3>Gift card</h3>
      {applied.map((card) => (
        <p key={card.id} className="gift-card-form__applied">
          {card.label}: {formatMoney(card.balance)} available
        </p>
      ))}
      <label htmlFor="gift-card-number">Card number</label>
      <input
        id="gift-card-number"
        inputMode="numeric"
        autoComplete="off"
        value={cardNumber}
        onChange={(e) => setCardNumber(e.target.value)}
      />
      <label htmlFor="gift-card-pin">PIN</label>
      <input
        id="gift-card-pin"
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
        value={pin}
        onChange={(e) => setPin(e.target.value)}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={submitting || cardNumber.length < 16 || pin.length !== 4}>
        Apply gift card
      </button>
    </form>
  );
}
