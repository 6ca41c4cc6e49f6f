import type { LineItem } from "../cart/cart";
import { lineTotal } from "../cart/cart";
import { formatMoney } from "../lib/money";
import { QuantityStepper } from "./QuantityStepper";

interface LineItemRowProps {
  line: LineItem;
  pending: boolean;
  onQuantityChange: (sku: string, quantity: number) => void;
  onRemove: (sku: string) => void;
}

export function LineItemRow({ line, pending, onQuantityChange, onRemove }: LineItemRowProps) {
  return (
    <li className="line-item" data-testid={`line-${line.sku}`}>
      {line.imageUrl ? (
        <img className="line-item__image" src={line.imageUrl} alt="" width={80} height={80} loading="lazy" />
      ) : (
        <div className="line-item__image line-item__image--placeholder" aria-hidden />
      )}
      <div className="line-item__details">
        <a href={`/p/${line.productId}`} className="line-item__name">
          {line.name}
        </a>
        <span className="line-item__unit-price">{formatMoney(line.unitPrice)} each</span>
      </div>
      <QuantityStepper
        label={`Quantity of ${line.name}`}
        value={line.quantity}
        disabled={pending}
        onChange={(quantity) => onQuantityChange(line.sku, quantity)}
      />
      <span className="line-item__total">{formatMoney(lineTotal(line))}</span>
      <button type="button" className="link-button" disabled={pending} onClick={() => onRemove(line.sku)}>
        Remove
      </button>
    </li>
  );
}
