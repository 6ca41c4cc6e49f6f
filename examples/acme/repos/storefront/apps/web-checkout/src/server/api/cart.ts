import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";
import { addItem, type Cart, itemCount, mergeCarts, removeItem, updateQuantity } from "../../cart/cart";
import { loadCart, saveCart } from "../../cart/cart-repository";
import { parseBody, queryParam, route } from "../api-handler";
import { AppError } from "../errors";
import { customerIdFrom, issueCartId, readCartId } from "../session";

const moneySchema = z.object({
  amountMinor: z.number().int().nonnegative(),
  currency: z.enum(["EUR", "GBP", "USD", "SEK", "DKK"]),
});

const addItemSchema = z.object({
  sku: z.string().min(1),
  productId: z.string().min(1),
  name: z.string().min(1).max(200),
  imageUrl: z.string().url().optional(),
  unitPrice: moneySchema,
  quantity: z.number().int().min(1),
  categoryIds: z.array(z.string()).default([]),
  weightGrams: z.number().int().nonnegative(),
  taxClass: z.enum(["standard", "reduced", "zero"]).default("standard"),
});

const updateSchema = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().min(0),
});

async function currentCart(req: NextApiRequest, res: NextApiResponse): Promise<Cart> {
  const cartId = readCartId(req) ?? issueCartId(res);
  const cart = await loadCart(cartId);
  const customerId = customerIdFrom(req);
  if (customerId && cart.customerId !== customerId) {
    return { ...cart, customerId };
  }
  return cart;
}

function respond(res: NextApiResponse, cart: Cart): void {
  res.status(200).json({ cart, itemCount: itemCount(cart) });
}

export default route({
  async GET(req, res) {
    respond(res, await currentCart(req, res));
  },

  async POST(req, res) {
    const item = parseBody(addItemSchema, req);
    const cart = await currentCart(req, res);
    respond(res, await saveCart(addItem(cart, item)));
  },

  async PUT(req, res) {
    const { sku, quantity } = parseBody(updateSchema, req);
    const cart = await currentCart(req, res);
    respond(res, await saveCart(updateQuantity(cart, sku, quantity)));
  },

  async DELETE(req, res) {
    const sku = queryParam(req, "sku");
    if (!sku) throw new AppError("missing_sku", "pass the SKU to remove as ?sku=");
    const cart = await currentCart(req, res);
    respond(res, await saveCart(removeItem(cart, sku)));
  },

  /** Called by the accounts flow right after sign-in, with the customer's saved cart id. */
  async PATCH(req, res) {
    const { savedCartId } = parseBody(z.object({ savedCartId: z.string().uuid() }), req);
    const guest = await currentCart(req, res);
    const saved = await loadCart(savedCartId, guest.country);
    respond(res, await saveCart(mergeCarts(guest, saved)));
  },
});
