export type CheckoutStep = "address" | "delivery" | "payment";

const STEPS: { id: CheckoutStep; label: string }[] = [
  { id: "address", label: "Address" },
  { id: "delivery", label: "Delivery" },
  { id: "payment", label: "Payment" },
];

export function CheckoutSteps({ current }: { current: CheckoutStep }) {
  const currentIndex = STEPS.findIndex((step) => step.id === current);
  return (
    <ol className="checkout-steps">
      {STEPS.map((step, index) => (
        <li
          key={step.id}
          className={index < currentIndex ? "done" : index === currentIndex ? "current" : undefined}
          aria-current={index === currentIndex ? "step" : undefined}
        >
          {step.label}
        </li>
      ))}
    </ol>
  );
}
