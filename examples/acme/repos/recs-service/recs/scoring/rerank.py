"""Business rules and diversity on top of the model ranking."""

from recs.products import Product


def rerank(
    ranked: list[tuple[str, float]],
    products: dict[str, Product],
    limit: int,
    max_per_category: int = 3,
    diversity_penalty: float = 0.15,
) -> list[tuple[str, float]]:
    """Drop out-of-stock and unknown products, then pick greedily while
    penalising categories already shown, so one category can't fill a carousel."""
    pool = [(pid, score) for pid, score in ranked if pid in products and products[pid].in_stock]
    shown_per_category: dict[str, int] = {}
    picked: list[tuple[str, float]] = []
    while pool and len(picked) < limit:
        best_index, best_value = 0, float("-inf")
        for i, (pid, score) in enumerate(pool):
            shown = shown_per_category.get(products[pid].category, 0)
            if shown >= max_per_category:
                continue
            value = score - diversity_penalty * shown
            if value > best_value:
                best_index, best_value = i, value
        if best_value == float("-inf"):
            break
        pid, score = pool.pop(best_index)
        category = products[pid].category
        shown_per_category[category] = shown_per_category.get(category, 0) + 1
        picked.append((pid, score))
    return picked
