import { Link } from "react-router-dom";
import type { Availability, ProductCard as Product } from "../api/bff";
import { discountPercent, formatPrice } from "../format/price";
import { StockBadge } from "./StockBadge";

interface ProductCardProps {
  product: Product;
  availability?: Availability;
  position: number;
}

export function ProductCard({ product, availability, position }: ProductCardProps) {
  const discount = discountPercent(product.price, product.compareAtPrice);
  return (
    <li className="product-card">
      <Link to={`/p/${product.handle}`} data-position={position}>
        {product.image ? (
          <img src={product.image.url} alt={product.image.alt} loading={position < 8 ? "eager" : "lazy"} />
        ) : (
          <div className="product-card__no-image" aria-hidden />
        )}
        {discount !== null && <span className="product-card__badge">−{discount}%</span>}
        <span className="product-card__brand">{product.brand}</span>
        <span className="product-card__title">{product.title}</span>
      </Link>
      <span className="product-card__price">
        {product.fromPrice && "from "}
        {formatPrice(product.price)}
        {product.compareAtPrice && discount !== null && <s>{formatPrice(product.compareAtPrice)}</s>}
      </span>
      {product.swatches.length > 1 && (
        <span className="product-card__swatches">{product.swatches.length} colours</span>
      )}
      <StockBadge availability={availability} />
    </li>
  );
}
