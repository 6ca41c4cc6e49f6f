"""The product fields recommendations care about, as catalog-bff returns them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    id: str
    title: str
    category: str
    brand: str
    price_cents: int
    in_stock: bool
    image_url: str | None = None
