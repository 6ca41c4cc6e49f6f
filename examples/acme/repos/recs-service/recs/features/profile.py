"""What we know about a user, built from their recent interactions."""

import threading
import time
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass, field

EVENT_WEIGHTS = {"view": 1.0, "add_to_cart": 3.0, "purchase": 5.0}
MAX_EVENTS = 200


@dataclass
class Interaction:
    product_id: str
    kind: str
    category: str
    price_cents: int
    at: float


@dataclass
class UserProfile:
    user_id: str
    events: deque = field(default_factory=lambda: deque(maxlen=MAX_EVENTS))
    purchased: set = field(default_factory=set)

    def add(self, interaction: Interaction) -> None:
        self.events.append(interaction)
        if interaction.kind == "purchase":
            self.purchased.add(interaction.product_id)

    def recent_items(self, n: int) -> list[str]:
        seen: list[str] = []
        for event in reversed(self.events):
            if event.product_id not in seen:
                seen.append(event.product_id)
            if len(seen) == n:
                break
        return seen

    def category_affinity(self, half_life_days: float = 14.0, now: float | None = None) -> dict[str, float]:
        """Decayed, weighted share of interactions per category (sums to 1)."""
        now = now or time.time()
        scores: Counter = Counter()
        for event in self.events:
            age_days = max(0.0, (now - event.at) / 86400)
            scores[event.category] += EVENT_WEIGHTS.get(event.kind, 0.5) * 0.5 ** (age_days / half_life_days)
        total = sum(scores.values())
        return {c: s / total for c, s in scores.items()} if total else {}

    def top_categories(self, n: int) -> list[str]:
        affinity = self.category_affinity()
        return [c for c, _ in sorted(affinity.items(), key=lambda kv: kv[1], reverse=True)[:n]]

    def typical_price_cents(self) -> int | None:
        prices = sorted(e.price_cents for e in self.events if e.kind in ("add_to_cart", "purchase"))
        if not prices:
            return None
        return prices[len(prices) // 2]


class ProfileStore:
    """In-memory LRU of profiles. Events arrive via POST /v1/events; a restart
    starts cold, which the popularity fallback covers."""

    def __init__(self, max_users: int = 200_000):
        self.max_users = max_users
        self._profiles: OrderedDict[str, UserProfile] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, user_id: str) -> UserProfile:
        with self._lock:
            profile = self._profiles.get(user_id)
            if profile is None:
                return UserProfile(user_id=user_id)
            self._profiles.move_to_end(user_id)
            return profile

    def record(self, user_id: str, interaction: Interaction) -> None:
        with self._lock:
            profile = self._profiles.get(user_id)
            if profile is None:
                profile = self._profiles[user_id] = UserProfile(user_id=user_id)
            profile.add(interaction)
            self._profiles.move_to_end(user_id)
            while len(self._profiles) > self.max_users:
                self._profiles.popitem(last=False)
