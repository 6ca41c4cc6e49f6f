import { formatMoney } from "../lib/money";
import type { PriceBreakdown } from "../pricing/pricing";
import type { AppliedPromotion } from "../promotions/promotions";

interface CartSummaryProps {
  prices: PriceBreakdown;
  promotions: AppliedPromotion[];
  showShipping: boolean;
  onRemovePromo?: (code: string) => void;
}

export function CartSummary({ prices, promotions, showShipping, onRemovePromo }: CartSummaryProps) {
  return (
    <section className="cart-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Order summary</h2>
      <dl>
        <div className="cart-summary__row">
          <dt>Subtotal</dt>
          <dd>{formatMoney(prices.subtotal)}</dd>
        </div>
        {promotions.map((promo) => (
          <div className="cart-summary__row cart-summary__row--discount" key={promo.code}>
            <dt>
              {promo.description} <code>{promo.code}</code>
              {onRemovePromo && (
                <button type="button" className="link-button" onClick={() => onRemovePromo(promo.code)}>
                  Remove
                </button>
              )}
            </dt>
            <dd>
              {promo.freeShipping && promo.discount.amountMinor === 0
                ? "Free shipping"
                : `−${formatMoney(promo.discount)}`}
            </dd>
          </div>
        ))}
        {showShipping && (
          <div className="cart-summary__row">
            <dt>Shipping</dt>
            <dd>{prices.shipping.amountMinor === 0 ? "Free" : formatMoney(prices.shipping)}</dd>
          </div>
        )}
        <div className="cart-summary__row cart-summary__row--total">
          <dt>Total</dt>
          <dd>{formatMoney(prices.total)}</dd>
        </div>
      </dl>
      <p className="cart-summary__vat">Includes {formatMoney(prices.vat)} VAT</p>
    </section>
  );
}
