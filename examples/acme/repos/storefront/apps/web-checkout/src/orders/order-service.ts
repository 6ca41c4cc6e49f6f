import { randomUUID } from "node:crypto";
import type { Address } from "../address/validate-address";
import { validateAddress } from "../address/validate-address";
import type { Cart } from "../cart/cart";
import { cancelPaymentIntent, createPaymentIntent, type PaymentIntent } from "../clients/payments-client";
import { releaseReservation, reserveStock } from "../clients/inventory-client";
import { logger } from "../lib/logger";
import { priceCart } from "../pricing/pricing";
import { loadPromotions } from "../promotions/promo-code";
import { applyPromotions } from "../promotions/promotions";
import { AppError } from "../server/errors";
import { availableShippingOptions, type ShippingMethod } from "../shipping/shipping-options";
import { type Order, orderNumber } from "./order";
import { OrderHistoryLogger } from "./order-history-logger";
import { OrderEventsRepository } from "./order-events-repository";
import { OrderRepository } from "./order-repository";

export interface PlaceOrderInput {
  cart: Cart;
  email: string;
  shippingAddress: Address;
  billingAddress?: Address;
  shippingMethod: ShippingMethod;
}

export interface PlacedOrder {
  order: Order;
  payment: PaymentIntent;
}

const orders = new OrderRepository();
const history = new OrderHistoryLogger(new OrderEventsRepository());

export async function placeOrder(input: PlaceOrderInput, now = new Date()): Promise<PlacedOrder> {
  const { cart } = input;
  if (cart.items.length === 0) {
    throw new AppError("empty_cart", "the cart is empty", 409);
  }
  const issues = validateAddress(input.shippingAddress, { express: input.shippingMethod === "express" });
  if (issues.length > 0) {
    throw new AppError("invalid_address", `shipping address: ${issues.map((i) => i.field).join(", ")}`, 422);
  }

  const option = availableShippingOptions(cart, input.shippingAddress, now).find(
    (o) => o.id === input.shippingMethod,
  );
  if (!option) {
    throw new AppError("shipping_unavailable", `${input.shippingMethod} is not available for this address`, 409);
  }

  const promotions = applyPromotions(cart, await loadPromotions(cart.promoCodes), now);
  const prices = priceCart(cart, promotions, option);
  const orderId = randomUUID();

  const reservation = await reserveStock(
    orderId,
    cart.items.map((line) => ({ sku: line.sku, quantity: line.quantity })),
  );

  let payment: PaymentIntent;
  try {
    payment = await createPaymentIntent({
      orderId,
      amount: prices.total,
      email: input.email,
      idempotencyKey: `order-${orderId}`,
    });
  } catch (err) {
    await releaseReservation(reservation.id).catch((releaseErr) =>
      logger.warn({ err: releaseErr, orderId }, "could not release reservation after payment failure"),
    );
    throw err;
  }

  const order: Order = {
    id: orderId,
    number: orderNumber(now),
    cartId: cart.id,
    customerId: cart.customerId,
    email: input.email,
    status: "pending_payment",
    items: cart.items,
    shippingAddress: input.shippingAddress,
    billingAddress: input.billingAddress ?? input.shippingAddress,
    shippingMethod: input.shippingMethod,
    promoCodes: promotions.applied.map((p) => p.code),
    prices,
    paymentIntentId: payment.id,
    placedAt: now.toISOString(),
  };

  try {
    await orders.insert(order);
  } catch (err) {
    await cancelPaymentIntent(payment.id).catch(() => undefined);
    await releaseReservation(reservation.id).catch(() => undefined);
    throw err;
  }
  await history.orderPlaced(order);
  logger.info({ orderId, number: order.number, total: prices.total }, "order placed");
  return { order, payment };
}

export async function markPaid(orderId: string): Promise<Order> {
  const order = await orders.findById(orderId);
  if (!order) throw new AppError("not_found", "order not found", 404);
  if (order.status === "paid") return order;
  const updated = await history.transition(order, "paid", "system");
  await orders.update(updated);
  return updated;
}

export async function orderWithTimeline(orderId: string) {
  const order = await orders.findById(orderId);
  if (!order) return undefined;
  return { order, timeline: await history.timeline(orderId) };
}

export async function cancelOrder(orderId: string, by: "customer" | "support", note?: string): Promise<Order> {
  const order = await orders.findById(orderId);
  if (!order) throw new AppError("not_found", "order not found", 404);
  const updated = await history.transition(order, "cancelled", by, note);
  await orders.update(updated);
  if (order.paymentIntentId && order.status === "pending_payment") {
    await cancelPaymentIntent(order.paymentIntentId);
  }
  return updated;
}
