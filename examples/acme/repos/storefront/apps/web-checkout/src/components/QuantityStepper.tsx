import { MAX_QUANTITY_PER_LINE } from "../cart/cart";

interface QuantityStepperProps {
  value: number;
  disabled?: boolean;
  onChange: (quantity: number) => void;
  label: string;
}

export function QuantityStepper({ value, disabled, onChange, label }: QuantityStepperProps) {
  return (
    <div className="quantity-stepper" role="group" aria-label={label}>
      <button
        type="button"
        aria-label="Decrease quantity"
        disabled={disabled || value <= 1}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output aria-live="polite">{value}</output>
      <button
        type="button"
        aria-label="Increase quantity"
        disabled={disabled || value >= MAX_QUANTITY_PER_LINE}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
