"""Product metadata from catalog-bff, cached in memory."""

import logging
import threading
import time

import requests

from recs.clients.http import HttpClient
from recs.products import Product
from recs.util.retry import retry

logger = logging.getLogger(__name__)

# requests' exceptions don't inherit from the builtin ConnectionError/TimeoutError.
TRANSIENT = (requests.ConnectionError, requests.Timeout)


class CatalogClient:
    def __init__(self, http: HttpClient, cache_seconds: int = 300):
        self.http = http
        self.cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, Product]] = {}
        self._lock = threading.Lock()

    @retry(max_attempts=3, backoff_seconds=0.2, retry_on=TRANSIENT)
    def _fetch(self, ids: list[str]) -> list[dict]:
        return self.http.get_json("/internal/products", params={"ids": ",".join(ids)})["products"]

    def products(self, ids: list[str]) -> dict[str, Product]:
        now = time.monotonic()
        found: dict[str, Product] = {}
        missing: list[str] = []
        with self._lock:
            for pid in ids:
                hit = self._cache.get(pid)
                if hit and now - hit[0] < self.cache_seconds:
                    found[pid] = hit[1]
                else:
                    missing.append(pid)
        for start in range(0, len(missing), 100):
            for raw in self._fetch(missing[start : start + 100]):
                product = Product(
                    id=raw["id"],
                    title=raw["title"],
                    category=raw["category"],
                    brand=raw.get("brand", ""),
                    price_cents=raw["price"]["amountMinor"],
                    in_stock=raw.get("availability") == "in_stock",
                    image_url=raw.get("imageUrl"),
                )
                found[product.id] = product
                with self._lock:
                    self._cache[product.id] = (now, product)
        return found

    def close(self) -> None:
        self.http.close()
