import { type Cart, lineTotal, subtotal } from "../cart/cart";
import { addMoney, type Money } from "../lib/money";
import type { PromotionResult } from "../promotions/promotions";
import type { ShippingOption } from "../shipping/shipping-options";
import { includedVat, shippingTaxClass, vatRate } from "./tax";

export interface LinePrice {
  sku: string;
  gross: Money;
  discount: Money;
  net: Money;
  vat: Money;
  vatRate: number;
}

export interface PriceBreakdown {
  lines: LinePrice[];
  subtotal: Money;
  discount: Money;
  shipping: Money;
  /** VAT contained in the total; prices are VAT inclusive. */
  vat: Money;
  total: Money;
}

function money(amountMinor: number, cart: Cart): Money {
  return { amountMinor, currency: cart.currency };
}

export function priceLines(cart: Cart, promotions: PromotionResult): LinePrice[] {
  return cart.items.map((line) => {
    const gross = lineTotal(line).amountMinor;
    const discount = promotions.applied.reduce((sum, p) => sum + (p.perLine[line.sku] ?? 0), 0);
    const rate = vatRate(cart.country, line.taxClass);
    const net = gross - discount;
    return {
      sku: line.sku,
      gross: money(gross, cart),
      discount: money(discount, cart),
      net: money(net, cart),
      vat: money(includedVat(net, rate), cart),
      vatRate: rate,
    };
  });
}

export function shippingCost(option: ShippingOption | undefined, promotions: PromotionResult, cart: Cart): Money {
  if (!option || promotions.freeShipping) return money(0, cart);
  return option.price;
}

export function priceCart(
  cart: Cart,
  promotions: PromotionResult,
  shippingOption?: ShippingOption,
): PriceBreakdown {
  const lines = priceLines(cart, promotions);
  const shipping = shippingCost(shippingOption, promotions, cart);
  const shippingVat = includedVat(shipping.amountMinor, vatRate(cart.country, shippingTaxClass()));
  const linesVat = lines.reduce((sum, line) => sum + line.vat.amountMinor, 0);
  const discount = money(
    lines.reduce((sum, line) => sum + line.discount.amountMinor, 0),
    cart,
  );
  const goods = money(
    lines.reduce((sum, line) => sum + line.net.amountMinor, 0),
    cart,
  );

  return {
    lines,
    subtotal: subtotal(cart),
    discount,
    shipping,
    vat: money(linesVat + shippingVat, cart),
    total: addMoney(goods, shipping),
  };
}

export function isFreeOrder(breakdown: PriceBreakdown): boolean {
  return breakdown.total.amountMinor === 0;
}
