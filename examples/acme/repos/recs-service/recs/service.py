"""Recommendation pipeline: retrieve, build features, score, rerank."""

import logging
import time
from dataclasses import dataclass

from recs.candidates.retrieval import co_purchase_candidates, retrieve, similar_items
from recs.candidates.store import SnapshotStore
from recs.clients.catalog import CatalogClient
from recs.experiments.buckets import Experiment, assign
from recs.features.builder import build_features
from recs.features.profile import ProfileStore
from recs.scoring.model import LinearModel
from recs.scoring.rerank import rerank

logger = logging.getLogger(__name__)

RANKER_EXPERIMENT = "ranker-2025"


@dataclass
class Recommendation:
    product_id: str
    score: float


@dataclass
class RecommendationResult:
    items: list[Recommendation]
    variant: str
    model_version: str
    snapshot_version: str


class Recommender:
    def __init__(
        self,
        snapshots: SnapshotStore,
        profiles: ProfileStore,
        catalog: CatalogClient,
        models: dict[str, LinearModel],
        experiments: dict[str, Experiment],
    ):
        self.snapshots = snapshots
        self.profiles = profiles
        self.catalog = catalog
        self.models = models
        self.experiments = experiments

    def _model_for(self, user_id: str) -> tuple[str, LinearModel]:
        experiment = self.experiments.get(RANKER_EXPERIMENT)
        if experiment is None:
            return "default", self.models["default"]
        variant = assign(experiment, user_id)
        model = self.models.get(variant.params.get("model", "default"), self.models["default"])
        return variant.name, model

    def for_user(self, user_id: str, limit: int) -> RecommendationResult:
        started = time.perf_counter()
        snapshot = self.snapshots.current
        profile = self.profiles.get(user_id)
        variant, model = self._model_for(user_id)

        candidates = retrieve(snapshot, profile, limit=200)
        products = self.catalog.products(candidates + profile.recent_items(5))
        co_purchase = co_purchase_candidates(snapshot, profile.recent_items(10))
        rows = build_features(profile, snapshot, candidates, products, co_purchase)
        ranked = rerank(model.rank(rows), products, limit)

        logger.info(
            "recommended",
            extra={
                "fields": {
                    "user_id": user_id,
                    "variant": variant,
                    "candidates": len(candidates),
                    "returned": len(ranked),
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                }
            },
        )
        return RecommendationResult(
            items=[Recommendation(pid, round(score, 4)) for pid, score in ranked],
            variant=variant,
            model_version=model.version,
            snapshot_version=snapshot.version,
        )

    def similar(self, product_id: str, limit: int) -> list[str]:
        snapshot = self.snapshots.current
        ids = similar_items(snapshot, product_id, limit=limit * 2)
        products = self.catalog.products(ids)
        return [pid for pid in ids if pid in products and products[pid].in_stock][:limit]
