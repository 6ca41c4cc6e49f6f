import { describe, expect, it } from "vitest";
import type { ApiProduct } from "../clients/catalog-api";
import { toProductCard, toProductDetail } from "./map-product";

const product: ApiProduct = {
  id: "gid://catalog/Product/1",
  handle: "linen-duvet-cover",
  title: "Linen duvet cover",
  descriptionHtml: "<p>Washed linen.</p>",
  vendor: "Norrå",
  tags: ["bedroom"],
  images: [{ url: "https://img.acme.example/p/1.jpg", altText: null, width: 2000, height: 2000 }],
  variants: [
    {
      id: "v1",
      sku: "DUV-140-SAGE",
      title: "140x200 / Sage",
      price: { amount: "79.00", currencyCode: "EUR" },
      compareAtPrice: { amount: "99.00", currencyCode: "EUR" },
      selectedOptions: [
        { name: "Size", value: "140x200" },
        { name: "Color", value: "Sage" },
      ],
      weightGrams: 900,
    },
    {
      id: "v2",
      sku: "DUV-200-SAGE",
      title: "200x200 / Sage",
      price: { amount: "99.00", currencyCode: "EUR" },
      compareAtPrice: null,
      selectedOptions: [
        { name: "Size", value: "200x200" },
        { name: "Color", value: "Sage" },
      ],
      weightGrams: 1200,
    },
  ],
  categories: [{ id: "cat-bed-linen", name: "Bed linen", path: ["Bedroom", "Bed linen"] }],
};

describe("toProductCard", () => {
  it("shows the cheapest variant as a from-price", () => {
    const card = toProductCard(product);
    expect(card.price).toEqual({ amount: 79, currency: "EUR" });
    expect(card.fromPrice).toBe(true);
    expect(card.compareAtPrice).toEqual({ amount: 99, currency: "EUR" });
  });

  it("asks the image CDN for a webp thumbnail", () => {
    expect(toProductCard(product).image?.url).toBe("https://img.acme.example/p/1.jpg?w=480&fm=webp");
  });

  it("falls back to the title for missing alt text", () => {
    expect(toProductCard(product).image?.alt).toBe("Linen duvet cover");
  });
});

describe("toProductDetail", () => {
  it("only lists options that vary between variants", () => {
    expect(toProductDetail(product).options).toEqual([{ name: "Size", values: ["140x200", "200x200"] }]);
  });

  it("builds breadcrumbs from the deepest category", () => {
    expect(toProductDetail(product).breadcrumbs.map((b) => b.name)).toEqual(["Bedroom", "Bed linen"]);
  });
});
