import type { ApiMoney, ApiProduct, ApiVariant } from "../clients/catalog-api";

export interface Price {
  amount: number;
  currency: string;
}

export interface ProductCard {
  id: string;
  handle: string;
  title: string;
  brand: string;
  /** SKU of the variant whose price is shown, for the stock badge. */
  defaultSku: string;
  image: { url: string; alt: string } | null;
  price: Price;
  compareAtPrice: Price | null;
  fromPrice: boolean;
  swatches: string[];
}

export interface ProductDetail extends ProductCard {
  descriptionHtml: string;
  images: { url: string; alt: string; width: number; height: number }[];
  options: { name: string; values: string[] }[];
  variants: {
    id: string;
    sku: string;
    title: string;
    price: Price;
    compareAtPrice: Price | null;
    options: Record<string, string>;
    weightGrams: number;
  }[];
  breadcrumbs: { name: string; id: string }[];
}

export function toPrice(money: ApiMoney): Price {
  // the catalog sends decimals as strings ("19.90"); parse once, here
  return { amount: Number.parseFloat(money.amount), currency: money.currencyCode };
}

function cheapest(variants: ApiVariant[]): ApiVariant | undefined {
  return [...variants].sort((a, b) => Number.parseFloat(a.price.amount) - Number.parseFloat(b.price.amount))[0];
}

function imageSrc(url: string, width: number): string {
  const u = new URL(url);
  u.searchParams.set("w", String(width));
  u.searchParams.set("fm", "webp");
  return u.toString();
}

export function toProductCard(product: ApiProduct): ProductCard {
  const variant = cheapest(product.variants);
  const prices = new Set(product.variants.map((v) => v.price.amount));
  const firstImage = product.images[0];
  const colors = product.variants
    .flatMap((v) => v.selectedOptions)
    .filter((o) => o.name.toLowerCase() === "color")
    .map((o) => o.value);

  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    brand: product.vendor,
    defaultSku: variant?.sku ?? "",
    image: firstImage ? { url: imageSrc(firstImage.url, 480), alt: firstImage.altText ?? product.title } : null,
    price: variant ? toPrice(variant.price) : { amount: 0, currency: "EUR" },
    compareAtPrice: variant?.compareAtPrice ? toPrice(variant.compareAtPrice) : null,
    fromPrice: prices.size > 1,
    swatches: [...new Set(colors)].slice(0, 6),
  };
}

function optionsOf(variants: ApiVariant[]): { name: string; values: string[] }[] {
  const byName = new Map<string, Set<string>>();
  for (const variant of variants) {
    for (const option of variant.selectedOptions) {
      if (!byName.has(option.name)) byName.set(option.name, new Set());
      byName.get(option.name)?.add(option.value);
    }
  }
  return [...byName.entries()]
    .filter(([, values]) => values.size > 1)
    .map(([name, values]) => ({ name, values: [...values] }));
}

export function toProductDetail(product: ApiProduct): ProductDetail {
  const deepest = [...product.categories].sort((a, b) => b.path.length - a.path.length)[0];
  return {
    ...toProductCard(product),
    descriptionHtml: product.descriptionHtml,
    images: product.images.map((image) => ({
      url: imageSrc(image.url, 1200),
      alt: image.altText ?? product.title,
      width: image.width,
      height: image.height,
    })),
    options: optionsOf(product.variants),
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      price: toPrice(v.price),
      compareAtPrice: v.compareAtPrice ? toPrice(v.compareAtPrice) : null,
      options: Object.fromEntries(v.selectedOptions.map((o) => [o.name, o.value])),
      weightGrams: v.weightGrams,
    })),
    breadcrumbs: deepest ? deepest.path.map((name, i) => ({ name, id: i === deepest.path.length - 1 ? deepest.id : "" })) : [],
  };
}
