import type { StatusChange } from "../orders/order-history-logger";
import type { OrderStatus } from "../orders/order";

const LABELS: Record<OrderStatus, string> = {
  pending_payment: "Order received",
  paid: "Payment confirmed",
  allocated: "Being packed",
  shipped: "On its way",
  delivered: "Delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export function OrderTimeline({ timeline }: { timeline: StatusChange[] }) {
  return (
    <ol className="order-timeline">
      {timeline.map((change) => (
        <li key={`${change.to}-${change.at}`}>
          <span className="order-timeline__status">{LABELS[change.to]}</span>
          <time dateTime={change.at}>{dateFormat.format(new Date(change.at))}</time>
          {change.note && <p className="order-timeline__note">{change.note}</p>}
        </li>
      ))}
    </ol>
  );
}
