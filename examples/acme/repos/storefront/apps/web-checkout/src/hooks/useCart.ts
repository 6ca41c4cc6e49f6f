import { useCallback, useEffect, useState } from "react";
import type { Cart, LineItem } from "../cart/cart";

interface CartResponse {
  cart: Cart;
  itemCount: number;
}

interface ApiErrorBody {
  error?: { code: string; message: string };
}

export class CartRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send(method: string, body?: unknown, query = ""): Promise<CartResponse> {
  const res = await fetch(`/checkout/api/cart${query}`, {
    method,
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
    credentials: "same-origin",
  });
  const json = (await res.json()) as CartResponse & ApiErrorBody;
  if (!res.ok) {
    throw new CartRequestError(json.error?.code ?? "unknown", json.error?.message ?? "Something went wrong");
  }
  return json;
}

export function useCart() {
  const [cart, setCart] = useState<Cart | null>(null);
  const [itemCount, setItemCount] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CartRequestError | null>(null);

  const run = useCallback(async (request: () => Promise<CartResponse>) => {
    setPending(true);
    setError(null);
    try {
      const data = await request();
      setCart(data.cart);
      setItemCount(data.itemCount);
    } catch (err) {
      setError(err instanceof CartRequestError ? err : new CartRequestError("network", "Please try again."));
    } finally {
      setPending(false);
    }
  }, []);

  useEffect(() => {
    void run(() => send("GET"));
  }, [run]);

  return {
    cart,
    itemCount,
    pending,
    error,
    addItem: (item: LineItem) => run(() => send("POST", item)),
    setQuantity: (sku: string, quantity: number) => run(() => send("PUT", { sku, quantity })),
    removeItem: (sku: string) => run(() => send("DELETE", undefined, `?sku=${encodeURIComponent(sku)}`)),
    reload: () => run(() => send("GET")),
  };
}
