import { useRouter } from "next/router";
import { useEffect, useState } from "react";
import { OrderTimeline } from "../components/OrderTimeline";
import { formatMoney } from "../lib/money";
import type { Order } from "../orders/order";
import type { StatusChange } from "../orders/order-history-logger";

interface OrderResponse {
  order: Order;
  timeline: StatusChange[];
  cancellable: boolean;
}

export default function OrderPage() {
  const { query } = useRouter();
  const [data, setData] = useState<OrderResponse | null>(null);
  const [notFound, setNotFound] = useState(false);

  useEffect(() => {
    if (typeof query.id !== "string") return;
    fetch(`/checkout/api/orders?id=${encodeURIComponent(query.id)}`)
      .then(async (res) => {
        if (res.status === 404) {
          setNotFound(true);
          return;
        }
        setData((await res.json()) as OrderResponse);
      })
      .catch(() => setNotFound(true));
  }, [query.id]);

  if (notFound) {
    return (
      <main className="page">
        <h1>We couldn't find that order</h1>
        <p>If you checked out as a guest, use the link in your confirmation email.</p>
      </main>
    );
  }
  if (!data) {
    return <main className="page page--loading" aria-busy />;
  }

  const { order, timeline } = data;
  return (
    <main className="page order-page">
      <h1>Order {order.number}</h1>
      <p>
        {order.items.length} item{order.items.length === 1 ? "" : "s"}, {formatMoney(order.prices.total)}
      </p>
      <OrderTimeline timeline={timeline} />
      <h2>Delivering to</h2>
      <address>
        {order.shippingAddress.name}
        <br />
        {order.shippingAddress.line1}
        <br />
        {order.shippingAddress.postalCode} {order.shippingAddress.city}
      </address>
    </main>
  );
}
