import { useRouter } from "next/router";
import { useState } from "react";
import type { Address, AddressIssue } from "../address/validate-address";
import { AddressForm } from "../components/AddressForm";
import { CartSummary } from "../components/CartSummary";
import { type CheckoutStep, CheckoutSteps } from "../components/CheckoutSteps";
import { PaymentStep } from "../components/PaymentStep";
import { ShippingOptions } from "../components/ShippingOptions";
import { useShippingOptions } from "../hooks/useShippingOptions";
import { useSummary } from "../hooks/useSummary";
import type { ShippingMethod } from "../shipping/shipping-options";

interface PlaceOrderResponse {
  orderId: string;
  orderNumber: string;
  payment: { clientSecret: string };
  error?: { message: string };
}

export default function CheckoutPage() {
  const router = useRouter();
  const [step, setStep] = useState<CheckoutStep>("address");
  const [email, setEmail] = useState("");
  const [address, setAddress] = useState<Address | null>(null);
  const [issues, setIssues] = useState<AddressIssue[]>([]);
  const [shipping, setShipping] = useState<ShippingMethod | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const { options, loading } = useShippingOptions(address?.country, address?.postalCode ?? "");
  const { prices, promotions } = useSummary(shipping, address?.postalCode);

  async function confirmAddress() {
    if (!address) return;
    const res = await fetch("/checkout/api/address", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ address }),
    });
    const body = (await res.json()) as { valid: boolean; address: Address; issues: AddressIssue[] };
    setIssues(body.issues ?? []);
    if (body.valid) {
      setAddress(body.address);
      setStep("delivery");
    }
  }

  async function placeOrder(acceptedTerms: boolean) {
    if (!address || !shipping) return;
    setSubmitting(true);
    setError(undefined);
    const res = await fetch("/checkout/api/checkout", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, shippingAddress: address, shippingMethod: shipping, acceptedTerms }),
    });
    const body = (await res.json()) as PlaceOrderResponse;
    setSubmitting(false);
    if (!res.ok) {
      setError(body.error?.message ?? "We could not place your order. You have not been charged.");
      return;
    }
    await router.push(`/pay?order=${body.orderId}&secret=${encodeURIComponent(body.payment.clientSecret)}`);
  }

  return (
    <main className="page checkout-page">
      <CheckoutSteps current={step} />
      <div className="checkout-page__main">
        {step === "address" && (
          <>
            <div className="field">
              <label htmlFor="email">Email for your receipt</label>
              <input id="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
            <AddressForm legend="Delivery address" issues={issues} onChange={setAddress} />
            <button type="button" className="button button--primary" onClick={confirmAddress}>
              Continue to delivery
            </button>
          </>
        )}
        {step === "delivery" && (
          <>
            <ShippingOptions options={options} loading={loading} selected={shipping} onSelect={setShipping} />
            <button type="button" className="button button--primary" disabled={!shipping} onClick={() => setStep("payment")}>
              Continue to payment
            </button>
          </>
        )}
        {step === "payment" && prices && (
          <PaymentStep total={prices.total} submitting={submitting} error={error} onPlaceOrder={placeOrder} />
        )}
      </div>
      <aside>{prices && <CartSummary prices={prices} promotions={promotions} showShipping={step !== "address"} />}</aside>
    </main>
  );
}
