"""A/B bucketing: deterministic per user and experiment."""

import hashlib
import json
from dataclasses import dataclass

BUCKETS = 1000


@dataclass(frozen=True)
class Variant:
    name: str
    weight: int  # share of traffic, in buckets out of 1000
    params: dict


@dataclass(frozen=True)
class Experiment:
    name: str
    salt: str
    variants: tuple[Variant, ...]
    enabled: bool = True

    def __post_init__(self):
        total = sum(v.weight for v in self.variants)
        if total != BUCKETS:
            raise ValueError(f"experiment {self.name}: variant weights add up to {total}, not {BUCKETS}")


def bucket(user_id: str, salt: str) -> int:
    digest = hashlib.sha256(f"{salt}:{user_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % BUCKETS


def assign(experiment: Experiment, user_id: str) -> Variant:
    """The variant for a user. Disabled experiments give everyone the first
    (control) variant, so turning one off never changes what control sees."""
    if not experiment.enabled:
        return experiment.variants[0]
    b = bucket(user_id, experiment.salt)
    upper = 0
    for variant in experiment.variants:
        upper += variant.weight
        if b < upper:
            return variant
    return experiment.variants[-1]


def load_experiments(path: str) -> dict[str, Experiment]:
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    return {
        e["name"]: Experiment(
            name=e["name"],
            salt=e.get("salt", e["name"]),
            enabled=e.get("enabled", True),
            variants=tuple(Variant(v["name"], int(v["weight"]), v.get("params", {})) for v in e["variants"]),
        )
        for e in raw["experiments"]
    }
