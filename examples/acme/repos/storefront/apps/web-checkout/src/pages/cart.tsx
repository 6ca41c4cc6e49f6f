import Link from "next/link";
import { CartSummary } from "../components/CartSummary";
import { LineItemRow } from "../components/LineItemRow";
import { PromoCodeForm } from "../components/PromoCodeForm";
import { useCart } from "../hooks/useCart";
import { useSummary } from "../hooks/useSummary";

export default function CartPage() {
  const { cart, itemCount, pending, error, setQuantity, removeItem, reload } = useCart();
  const { prices, promotions, refresh } = useSummary();

  if (!cart) {
    return <main className="page page--loading" aria-busy />;
  }

  if (cart.items.length === 0) {
    return (
      <main className="page">
        <h1>Your basket is empty</h1>
        <Link href="/" className="button">
          Continue shopping
        </Link>
      </main>
    );
  }

  async function afterChange(change: Promise<void>) {
    await change;
    await refresh();
  }

  return (
    <main className="page cart-page">
      <h1>
        Basket <span className="muted">({itemCount})</span>
      </h1>
      {error && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <ul className="line-items">
        {cart.items.map((line) => (
          <LineItemRow
            key={line.sku}
            line={line}
            pending={pending}
            onQuantityChange={(sku, quantity) => afterChange(setQuantity(sku, quantity))}
            onRemove={(sku) => afterChange(removeItem(sku))}
          />
        ))}
      </ul>
      <aside>
        {prices && <CartSummary prices={prices} promotions={promotions} showShipping={false} />}
        <PromoCodeForm onApplied={() => afterChange(reload())} />
        <Link href="/checkout" className="button button--primary">
          Go to checkout
        </Link>
      </aside>
    </main>
  );
}
