import { useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { EmptyState } from "../components/EmptyState";
import { ErrorState } from "../components/ErrorState";
import { ProductGallery } from "../components/ProductGallery";
import { ReviewSummary } from "../components/ReviewSummary";
import { StockBadge } from "../components/StockBadge";
import { findVariant, VariantPicker } from "../components/VariantPicker";
import { discountPercent, formatPrice } from "../format/price";
import { useAvailability } from "../hooks/useAvailability";
import { useProduct } from "../hooks/useProduct";

export function ProductPage() {
  const { handle } = useParams();
  const result = useProduct(handle);
  const [selected, setSelected] = useState<Record<string, string>>({});
  const skus = useMemo(() => (result.status === "ready" ? result.product.variants.map((v) => v.sku) : []), [result]);
  const availability = useAvailability(skus);

  if (result.status === "loading") return <div className="product-page" aria-busy />;
  if (result.status === "not-found") {
    return <EmptyState title="Product not found" message="It may have sold out for good." />;
  }
  if (result.status === "error") return <ErrorState onRetry={result.reload} />;

  const { product } = result;
  const variant = product.options.length === 0 ? product.variants[0] : findVariant(product, selected);
  const price = variant?.price ?? product.price;
  const compareAt = variant ? variant.compareAtPrice : product.compareAtPrice;
  const discount = discountPercent(price, compareAt);
  const stock = variant ? availability[variant.sku] : undefined;

  async function addToBasket() {
    if (!variant) return;
    await fetch("/checkout/api/cart", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        sku: variant.sku,
        productId: product.id,
        name: `${product.title}${variant.title === "Default" ? "" : `, ${variant.title}`}`,
        imageUrl: product.image?.url,
        unitPrice: { amountMinor: Math.round(variant.price.amount * 100), currency: variant.price.currency },
        quantity: 1,
        weightGrams: variant.weightGrams,
      }),
    });
    window.location.assign("/checkout/cart");
  }

  return (
    <div className="product-page">
      <Breadcrumbs items={[...product.breadcrumbs.map((b) => ({ label: b.name })), { label: product.title }]} />
      <ProductGallery images={product.images} title={product.title} />
      <section className="product-page__info">
        <p className="product-page__brand">{product.brand}</p>
        <h1>{product.title}</h1>
        <ReviewSummary productId={product.id} />
        <p className="product-page__price">
          {formatPrice(price)}
          {discount !== null && compareAt && (
            <>
              {" "}
              <s>{formatPrice(compareAt)}</s> <span className="badge">−{discount}%</span>
            </>
          )}
        </p>
        <VariantPicker product={product} selected={selected} onChange={setSelected} />
        <StockBadge availability={stock} />
        <button
          type="button"
          className="button button--primary"
          disabled={!variant || stock?.status === "out_of_stock"}
          onClick={addToBasket}
        >
          {variant ? "Add to basket" : "Choose an option"}
        </button>
        <div className="product-page__description" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
      </section>
    </div>
  );
}
