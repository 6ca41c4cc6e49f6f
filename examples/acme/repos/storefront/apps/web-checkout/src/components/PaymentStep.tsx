import { useState } from "react";
import { formatMoney, type Money } from "../lib/money";

interface PaymentStepProps {
  total: Money;
  submitting: boolean;
  error?: string;
  onPlaceOrder: (acceptedTerms: boolean) => void;
}

export function PaymentStep({ total, submitting, error, onPlaceOrder }: PaymentStepProps) {
  const [acceptedTerms, setAcceptedTerms] = useState(false);

  return (
    <section className="payment-step" aria-labelledby="payment-heading">
      <h2 id="payment-heading">Payment</h2>
      <p>You'll enter your card details securely on the next screen.</p>
      <label className="checkbox">
        <input type="checkbox" checked={acceptedTerms} onChange={(e) => setAcceptedTerms(e.target.checked)} />
        I accept the <a href="/terms">terms and conditions</a> and have read the{" "}
        <a href="/privacy">privacy notice</a>.
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={!acceptedTerms || submitting}
        onClick={() => onPlaceOrder(acceptedTerms)}
      >
        {submitting ? "Placing order…" : `Pay ${formatMoney(total)}`}
      </button>
    </section>
  );
}
