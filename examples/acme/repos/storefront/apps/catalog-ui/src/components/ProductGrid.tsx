import type { Availability, ProductCard as Product } from "../api/bff";
import { ProductCard } from "./ProductCard";

interface ProductGridProps {
  products: Product[];
  availability: Record<string, Availability>;
  loading: boolean;
}

export function ProductGrid({ products, availability, loading }: ProductGridProps) {
  return (
    <ul className="product-grid" aria-busy={loading}>
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} availability={availability[product.defaultSku]} position={index} />
      ))}
    </ul>
  );
}
