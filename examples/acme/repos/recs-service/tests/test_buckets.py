from collections import Counter

import pytest

from recs.experiments.buckets import BUCKETS, Experiment, Variant, assign, bucket


def experiment(enabled=True):
    return Experiment(
        name="ranker-2025",
        salt="ranker-2025",
        enabled=enabled,
        variants=(Variant("control", 900, {}), Variant("treatment", 100, {})),
    )


def test_bucket_is_stable_and_in_range():
    assert bucket("u-42", "ranker-2025") == bucket("u-42", "ranker-2025")
    assert 0 <= bucket("u-42", "ranker-2025") < BUCKETS


def test_salt_changes_assignment():
    users = [f"u-{i}" for i in range(200)]
    same = sum(bucket(u, "a") == bucket(u, "b") for u in users)
    assert same < 10


def test_split_roughly_matches_weights():
    counts = Counter(assign(experiment(), f"user-{i}").name for i in range(20_000))
    assert 0.08 < counts["treatment"] / 20_000 < 0.12


def test_disabled_experiment_gives_control():
    assert {assign(experiment(enabled=False), f"user-{i}").name for i in range(100)} == {"control"}


def test_weights_must_add_up():
    with pytest.raises(ValueError, match="add up to 950"):
        Experiment(name="x", salt="x", variants=(Variant("a", 900, {}), Variant("b", 50, {})))
