import json

import pytest

from recs.scoring.model import DEFAULT_MODEL, LinearModel
from recs.scoring.rerank import rerank
from tests.conftest import PRODUCTS


def test_score_is_a_probability():
    assert 0 < DEFAULT_MODEL.score({"bias": 1.0}) < 0.5
    assert DEFAULT_MODEL.score({"bias": 1.0, "co_purchase": 1.0, "in_stock": 1.0}) > 0.5


def test_load_rejects_unknown_features(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"version": "t1", "weights": {"bias": 0.1, "dwell_time": 2.0}}))
    with pytest.raises(ValueError, match="dwell_time"):
        LinearModel.load(str(path))


def test_rerank_drops_out_of_stock_and_limits_categories():
    ranked = [("shoe-3", 0.99), ("shoe-1", 0.9), ("shoe-2", 0.8), ("sock-1", 0.5), ("jkt-1", 0.4)]
    picked = rerank(ranked, PRODUCTS, limit=3, max_per_category=1)
    assert [pid for pid, _ in picked] == ["shoe-1", "sock-1", "jkt-1"]


def test_rerank_diversity_penalty_lets_other_categories_in():
    ranked = [("shoe-1", 0.9), ("shoe-2", 0.85), ("sock-1", 0.8)]
    picked = rerank(ranked, PRODUCTS, limit=2, diversity_penalty=0.15)
    assert [pid for pid, _ in picked] == ["shoe-1", "sock-1"]
