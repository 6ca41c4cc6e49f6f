"""The nightly snapshot: co-purchase neighbours, popularity and categories.

The batch job in the data platform writes one gzipped JSON file per night; we
load it at startup and swap it in when a new one appears.
"""

import gzip
import json
import logging
import os
import threading
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass
class Snapshot:
    version: str
    # product -> [(neighbour, strength)], strongest first
    co_purchase: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # category -> [product], most popular first
    popular_by_category: dict[str, list[str]] = field(default_factory=dict)
    popular: list[str] = field(default_factory=list)
    category_of: dict[str, str] = field(default_factory=dict)
    popularity: dict[str, float] = field(default_factory=dict)


def load_snapshot(path: str) -> Snapshot:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    snapshot = Snapshot(
        version=raw["version"],
        co_purchase={k: [(n, float(s)) for n, s in v] for k, v in raw["co_purchase"].items()},
        popular_by_category=raw["popular_by_category"],
        popular=raw["popular"],
        category_of=raw["category_of"],
    )
    total = len(snapshot.popular) or 1
    snapshot.popularity = {pid: 1.0 - rank / total for rank, pid in enumerate(snapshot.popular)}
    return snapshot


class SnapshotStore:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._snapshot = Snapshot(version="empty")
        self._mtime = 0.0

    @property
    def current(self) -> Snapshot:
        return self._snapshot

    def refresh(self) -> bool:
        """Reload if the file changed. Returns True when a new snapshot was loaded."""
        try:
            mtime = os.path.getmtime(self.path)
        except FileNotFoundError:
            logger.warning("snapshot %s not found, keeping %s", self.path, self._snapshot.version)
            return False
        if mtime <= self._mtime:
            return False
        snapshot = load_snapshot(self.path)
        with self._lock:
            self._snapshot, self._mtime = snapshot, mtime
        logger.info("loaded snapshot %s (%d products)", snapshot.version, len(snapshot.category_of))
        return True
