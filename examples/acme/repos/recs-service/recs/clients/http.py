"""Shared requests.Session for calls to other Acme services."""

import requests
from requests.adapters import HTTPAdapter

from recs.middleware.tracing import current_traceparent

# (connect, read) in seconds. Connect is just over a TCP retransmit window.
DEFAULT_TIMEOUT = (3.05, 10)


class HttpClient:
    def __init__(self, base_url: str, timeout=DEFAULT_TIMEOUT, pool_size: int = 20):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"Accept": "application/json", "User-Agent": "recs-service"})

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        # requests has no session-wide timeout: it must be passed on every call.
        kwargs.setdefault("timeout", self.timeout)
        headers = kwargs.pop("headers", {}) or {}
        traceparent = current_traceparent()
        if traceparent:
            headers.setdefault("traceparent", traceparent)
        response = self.session.request(method, f"{self.base_url}/{path.lstrip('/')}", headers=headers, **kwargs)
        response.raise_for_status()
        return response

    def get_json(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs).json()

    def close(self) -> None:
        self.session.close()
