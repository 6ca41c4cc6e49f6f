import math
import time

import pytest

from recs.features.builder import FEATURES, build_features, price_fit
from recs.features.profile import Interaction, UserProfile
from tests.conftest import PRODUCTS


def test_price_fit():
    assert price_fit(5000, 5000) == 1.0
    assert price_fit(10000, 5000) == pytest.approx(0.5)
    assert price_fit(5000, None) == 0.5


def test_category_affinity_decays():
    now = time.time()
    profile = UserProfile(user_id="u")
    profile.add(Interaction("a", "view", "old", 100, now - 28 * 86400))
    profile.add(Interaction("b", "view", "new", 100, now))
    affinity = profile.category_affinity(now=now)
    assert affinity["new"] == pytest.approx(0.8)
    assert math.isclose(sum(affinity.values()), 1.0)


def test_typical_price_ignores_views(runner_profile):
    runner_profile.add(Interaction("jkt-1", "view", "jackets", 99999, time.time()))
    assert runner_profile.typical_price_cents() == 12995


def test_build_features_has_every_feature(snapshot, runner_profile):
    rows = build_features(runner_profile, snapshot, ["sock-1", "shoe-3"], PRODUCTS, {"sock-1": 0.9})
    assert set(rows["sock-1"]) == set(FEATURES)
    assert rows["sock-1"]["co_purchase"] == 1.0
    assert rows["shoe-3"]["in_stock"] == 0.0
    assert rows["shoe-3"]["category_affinity"] > 0.9
