import { z } from "zod";
import { loadCart } from "../../cart/cart-repository";
import { OutOfStockError } from "../../clients/inventory-client";
import { placeOrder } from "../../orders/order-service";
import { parseBody, route } from "../api-handler";
import { AppError } from "../errors";
import { customerIdFrom, readCartId } from "../session";

const addressSchema = z.object({
  name: z.string(),
  company: z.string().optional(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postalCode: z.string(),
  region: z.string().optional(),
  country: z.enum(["DE", "AT", "FR", "NL", "BE", "SE", "DK", "GB", "IE"]),
  phone: z.string().optional(),
});

const checkoutSchema = z.object({
  email: z.string().email(),
  shippingAddress: addressSchema,
  billingAddress: addressSchema.optional(),
  shippingMethod: z.enum(["standard", "express", "pickup"]),
  acceptedTerms: z.literal(true),
});

export default route({
  async POST(req, res) {
    const body = parseBody(checkoutSchema, req);
    const cartId = readCartId(req);
    if (!cartId) throw new AppError("no_cart", "there is no cart to check out", 409);

    const cart = await loadCart(cartId, body.shippingAddress.country);
    try {
      const { order, payment } = await placeOrder({
        cart: { ...cart, customerId: customerIdFrom(req) ?? cart.customerId },
        email: body.email,
        shippingAddress: body.shippingAddress,
        billingAddress: body.billingAddress,
        shippingMethod: body.shippingMethod,
      });
      res.status(201).json({
        orderId: order.id,
        orderNumber: order.number,
        total: order.prices.total,
        payment: { id: payment.id, clientSecret: payment.clientSecret, status: payment.status },
      });
    } catch (err) {
      if (err instanceof OutOfStockError) {
        throw new AppError("out_of_stock", `Sorry, some items sold out: ${err.skus.join(", ")}`, 409);
      }
      throw err;
    }
  },
});
