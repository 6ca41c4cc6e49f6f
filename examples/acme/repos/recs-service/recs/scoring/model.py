"""Logistic scoring with weights trained offline (see data-platform/recs-training)."""

import json
import math
from dataclasses import dataclass

from recs.features.builder import FEATURES


@dataclass(frozen=True)
class LinearModel:
    version: str
    weights: dict[str, float]

    @classmethod
    def load(cls, path: str) -> "LinearModel":
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
        unknown = set(raw["weights"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"weights for unknown features: {sorted(unknown)}")
        return cls(version=raw["version"], weights={f: float(raw["weights"].get(f, 0.0)) for f in FEATURES})

    def score(self, features: dict[str, float]) -> float:
        z = sum(self.weights[name] * features.get(name, 0.0) for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-z))

    def rank(self, rows: dict[str, dict[str, float]]) -> list[tuple[str, float]]:
        scored = [(pid, self.score(features)) for pid, features in rows.items()]
        return sorted(scored, key=lambda item: item[1], reverse=True)


# Used until the first trained weights ship, and in tests.
DEFAULT_MODEL = LinearModel(
    version="heuristic-1",
    weights={
        "bias": -2.0,
        "co_purchase": 2.5,
        "category_affinity": 1.5,
        "popularity": 1.0,
        "price_fit": 0.8,
        "same_brand_recent": 0.4,
        "in_stock": 1.0,
    },
)
