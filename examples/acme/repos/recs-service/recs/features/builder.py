"""Feature vectors for (user, candidate) pairs. Names must match weights.json."""

import math

from recs.candidates.store import Snapshot
from recs.features.profile import UserProfile
from recs.products import Product

FEATURES = (
    "bias",
    "co_purchase",
    "category_affinity",
    "popularity",
    "price_fit",
    "same_brand_recent",
    "in_stock",
)


def price_fit(price_cents: int, typical_cents: int | None) -> float:
    """1.0 at the user's typical price, falling off on a log scale."""
    if not typical_cents or price_cents <= 0:
        return 0.5
    return math.exp(-abs(math.log(price_cents / typical_cents)))


def build_features(
    profile: UserProfile,
    snapshot: Snapshot,
    candidates: list[str],
    products: dict[str, Product],
    co_purchase: dict[str, float],
) -> dict[str, dict[str, float]]:
    affinity = profile.category_affinity()
    typical = profile.typical_price_cents()
    max_co = max(co_purchase.values(), default=0.0) or 1.0
    recent_brands = {products[p].brand for p in profile.recent_items(5) if p in products}

    rows: dict[str, dict[str, float]] = {}
    for pid in candidates:
        product = products.get(pid)
        category = product.category if product else snapshot.category_of.get(pid, "")
        rows[pid] = {
            "bias": 1.0,
            "co_purchase": co_purchase.get(pid, 0.0) / max_co,
            "category_affinity": affinity.get(category, 0.0),
            "popularity": snapshot.popularity.get(pid, 0.0),
            "price_fit": price_fit(product.price_cents, typical) if product else 0.5,
            "same_brand_recent": 1.0 if product and product.brand in recent_brands else 0.0,
            "in_stock": 1.0 if product and product.in_stock else 0.0,
        }
    return rows
