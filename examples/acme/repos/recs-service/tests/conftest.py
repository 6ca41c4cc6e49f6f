import time

import pytest
from fastapi.testclient import TestClient

from recs.candidates.store import Snapshot, SnapshotStore
from recs.experiments.buckets import Experiment, Variant
from recs.features.profile import Interaction, ProfileStore, UserProfile
from recs.products import Product
from recs.scoring.model import DEFAULT_MODEL
from recs.service import Recommender

PRODUCTS = {
    "shoe-1": Product("shoe-1", "Trail Runner 2", "running-shoes", "Acme", 12995, True),
    "shoe-2": Product("shoe-2", "Road Runner", "running-shoes", "Stride", 9995, True),
    "shoe-3": Product("shoe-3", "Racer Carbon", "running-shoes", "Stride", 22995, False),
    "sock-1": Product("sock-1", "Running socks 3-pack", "socks", "Acme", 1495, True),
    "sock-2": Product("sock-2", "Merino socks", "socks", "Woolly", 1995, True),
    "jkt-1": Product("jkt-1", "Rain jacket", "jackets", "Acme", 8995, True),
    "cap-1": Product("cap-1", "Running cap", "accessories", "Acme", 1995, True),
}


@pytest.fixture
def snapshot() -> Snapshot:
    s = Snapshot(
        version="2025-03-01",
        co_purchase={
            "shoe-1": [("sock-1", 0.9), ("sock-2", 0.4), ("cap-1", 0.2)],
            "shoe-2": [("sock-1", 0.6), ("jkt-1", 0.3)],
        },
        popular_by_category={
            "running-shoes": ["shoe-1", "shoe-2", "shoe-3"],
            "socks": ["sock-1", "sock-2"],
            "jackets": ["jkt-1"],
            "accessories": ["cap-1"],
        },
        popular=["shoe-1", "sock-1", "shoe-2", "jkt-1", "sock-2", "cap-1", "shoe-3"],
        category_of={pid: p.category for pid, p in PRODUCTS.items()},
    )
    s.popularity = {pid: 1.0 - i / len(s.popular) for i, pid in enumerate(s.popular)}
    return s


@pytest.fixture
def runner_profile() -> UserProfile:
    profile = UserProfile(user_id="u-1")
    now = time.time()
    profile.add(Interaction("shoe-2", "view", "running-shoes", 9995, now - 3600))
    profile.add(Interaction("shoe-1", "add_to_cart", "running-shoes", 12995, now - 600))
    return profile


class FakeCatalog:
    def __init__(self, products=PRODUCTS):
        self.calls = 0
        self._products = products

    def products(self, ids):
        self.calls += 1
        return {pid: self._products[pid] for pid in ids if pid in self._products}

    def close(self):
        pass


@pytest.fixture
def recommender(snapshot) -> Recommender:
    store = SnapshotStore("/nonexistent")
    store._snapshot = snapshot
    experiments = {
        "ranker-2025": Experiment(
            name="ranker-2025",
            salt="ranker-2025",
            variants=(Variant("control", 500, {"model": "default"}), Variant("trained", 500, {"model": "trained"})),
        )
    }
    return Recommender(store, ProfileStore(), FakeCatalog(), {"default": DEFAULT_MODEL}, experiments)


@pytest.fixture
def client(recommender, monkeypatch):
    monkeypatch.setenv("RECS_ADMIN_TOKEN", "test-admin")
    from recs.config import get_settings

    get_settings.cache_clear()
    from recs.main import create_app

    app = create_app()
    app.state.recommender = recommender
    with TestClient(app) as c:
        yield c
    get_settings.cache_clear()
