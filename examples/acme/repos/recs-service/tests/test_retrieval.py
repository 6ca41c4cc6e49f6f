from recs.candidates.retrieval import co_purchase_candidates, retrieve, similar_items
from recs.features.profile import Interaction, UserProfile


def test_co_purchase_sums_over_seeds(snapshot):
    scores = co_purchase_candidates(snapshot, ["shoe-1", "shoe-2"])
    assert scores["sock-1"] == 0.9 + 0.6
    assert scores["jkt-1"] == 0.3


def test_retrieve_puts_neighbours_first_and_skips_seen(snapshot, runner_profile):
    candidates = retrieve(snapshot, runner_profile, limit=10)
    assert candidates[0] == "sock-1"
    assert "shoe-1" not in candidates and "shoe-2" not in candidates
    assert len(candidates) == len(set(candidates))


def test_retrieve_cold_start_falls_back_to_popular(snapshot):
    assert retrieve(snapshot, UserProfile(user_id="new"), limit=3) == ["shoe-1", "sock-1", "shoe-2"]


def test_retrieve_excludes_purchases(snapshot):
    profile = UserProfile(user_id="u-2")
    profile.add(Interaction("sock-1", "purchase", "socks", 1495, 0))
    assert "sock-1" not in retrieve(snapshot, profile)


def test_similar_items_tops_up_from_category(snapshot):
    assert similar_items(snapshot, "shoe-2", limit=4) == ["sock-1", "jkt-1", "shoe-1", "shoe-3"]
