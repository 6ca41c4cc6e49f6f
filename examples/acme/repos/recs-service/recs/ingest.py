"""Interaction events from the storefront: JSON or protobuf batches."""

import time

from recs.features.profile import Interaction, ProfileStore
from recs.proto import events_pb2

_KINDS = {
    events_pb2.InteractionEvent.VIEW: "view",
    events_pb2.InteractionEvent.ADD_TO_CART: "add_to_cart",
    events_pb2.InteractionEvent.PURCHASE: "purchase",
}


def decode_batch(payload: bytes) -> list[dict]:
    batch = events_pb2.InteractionBatch()
    batch.ParseFromString(payload)
    out = []
    for e in batch.events:
        kind = _KINDS.get(e.kind)
        if kind is None or not e.user_id or not e.product_id:
            continue
        out.append(
            {
                "user_id": e.user_id,
                "product_id": e.product_id,
                "kind": kind,
                "category": e.category,
                "price_cents": e.price_cents,
                "occurred_at_ms": e.occurred_at_ms or None,
            }
        )
    return out


def record_events(profiles: ProfileStore, events: list[dict]) -> int:
    now = time.time()
    for e in events:
        at = e["occurred_at_ms"] / 1000 if e.get("occurred_at_ms") else now
        profiles.record(
            e["user_id"],
            Interaction(
                product_id=e["product_id"],
                kind=e["kind"],
                category=e.get("category", ""),
                price_cents=e.get("price_cents", 0),
                at=min(at, now),
            ),
        )
    return len(events)
