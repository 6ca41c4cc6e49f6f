"""Candidate retrieval: cheap, recall-oriented, no model involved."""

from collections import defaultdict

from recs.candidates.store import Snapshot
from recs.features.profile import UserProfile


def co_purchase_candidates(snapshot: Snapshot, seeds: list[str], per_seed: int = 20) -> dict[str, float]:
    """Neighbours of the seed products, strength summed over seeds."""
    scores: dict[str, float] = defaultdict(float)
    for seed in seeds:
        for neighbour, strength in snapshot.co_purchase.get(seed, [])[:per_seed]:
            scores[neighbour] += strength
    return dict(scores)


def category_candidates(snapshot: Snapshot, categories: list[str], per_category: int = 10) -> list[str]:
    out: list[str] = []
    for category in categories:
        out.extend(snapshot.popular_by_category.get(category, [])[:per_category])
    return out


def retrieve(snapshot: Snapshot, profile: UserProfile, limit: int = 200) -> list[str]:
    """Co-purchase neighbours of recent items first, then the user's favourite
    categories, then global bestsellers to fill up. Seen and bought items are
    left out; duplicates keep their first position."""
    seeds = profile.recent_items(10)
    excluded = set(profile.purchased) | set(seeds)
    ordered: list[str] = []
    seen: set[str] = set()

    def add(pid: str) -> None:
        if pid not in seen and pid not in excluded:
            seen.add(pid)
            ordered.append(pid)

    neighbours = co_purchase_candidates(snapshot, seeds)
    for pid, _ in sorted(neighbours.items(), key=lambda kv: kv[1], reverse=True):
        add(pid)
    for pid in category_candidates(snapshot, profile.top_categories(3)):
        add(pid)
    for pid in snapshot.popular:
        if len(ordered) >= limit:
            break
        add(pid)
    return ordered[:limit]


def similar_items(snapshot: Snapshot, product_id: str, limit: int = 12) -> list[str]:
    """Items bought together with product_id, topped up from its category."""
    out = [n for n, _ in snapshot.co_purchase.get(product_id, [])[:limit]]
    category = snapshot.category_of.get(product_id)
    if category and len(out) < limit:
        for pid in snapshot.popular_by_category.get(category, []):
            if pid != product_id and pid not in out:
                out.append(pid)
            if len(out) >= limit:
                break
    return out
