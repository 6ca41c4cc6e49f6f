import { type FormEvent, useState } from "react";

interface PriceRangeFilterProps {
  min?: number;
  max?: number;
  currencySymbol: string;
  onApply: (min: number | undefined, max: number | undefined) => void;
}

function toNumber(value: string): number | undefined {
  if (value.trim() === "") return undefined;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function PriceRangeFilter({ min, max, currencySymbol, onApply }: PriceRangeFilterProps) {
  const [from, setFrom] = useState(min?.toString() ?? "");
  const [to, setTo] = useState(max?.toString() ?? "");
  const fromValue = toNumber(from);
  const toValue = toNumber(to);
  const invalid = fromValue !== undefined && toValue !== undefined && fromValue > toValue;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!invalid) onApply(fromValue, toValue);
  }

  return (
    <form className="price-range" onSubmit={submit}>
      <fieldset>
        <legend>Price ({currencySymbol})</legend>
        <input aria-label="Minimum price" inputMode="decimal" value={from} onChange={(e) => setFrom(e.target.value)} />
        <span aria-hidden>–</span>
        <input aria-label="Maximum price" inputMode="decimal" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" disabled={invalid}>
          Apply
        </button>
      </fieldset>
      {invalid && <p className="error-text">The minimum is higher than the maximum.</p>}
    </form>
  );
}
