import { formatMoney } from "../lib/money";
import type { ShippingMethod, ShippingOption } from "../shipping/shipping-options";

interface ShippingOptionsProps {
  options: ShippingOption[];
  selected: ShippingMethod | undefined;
  loading: boolean;
  onSelect: (method: ShippingMethod) => void;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });

export function formatDeliveryWindow(option: ShippingOption): string {
  const from = dateFormat.format(new Date(option.estimatedDelivery.from));
  const to = dateFormat.format(new Date(option.estimatedDelivery.to));
  return from === to ? `Arrives ${from}` : `Arrives ${from} – ${to}`;
}

export function ShippingOptions({ options, selected, loading, onSelect }: ShippingOptionsProps) {
  if (loading && options.length === 0) {
    return <p className="muted">Loading delivery options…</p>;
  }
  if (options.length === 0) {
    return <p className="muted">Enter your address to see delivery options.</p>;
  }
  return (
    <fieldset className="shipping-options">
      <legend>Delivery</legend>
      {options.map((option) => (
        <label key={option.id} className="shipping-option">
          <input
            type="radio"
            name="shipping"
            value={option.id}
            checked={selected === option.id}
            onChange={() => onSelect(option.id)}
          />
          <span className="shipping-option__label">{option.label}</span>
          <span className="shipping-option__eta">{formatDeliveryWindow(option)}</span>
          <span className="shipping-option__price">
            {option.price.amountMinor === 0 ? "Free" : formatMoney(option.price)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
