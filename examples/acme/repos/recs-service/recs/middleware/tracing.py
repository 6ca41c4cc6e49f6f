"""W3C traceparent propagation.

The incoming trace id is kept for the whole request (and anything it calls),
and each request gets its own span id. Outgoing calls read current_traceparent().
"""

import contextvars
import re
import secrets

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

TRACEPARENT_RE = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")

_trace_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("trace_id", default=None)
_span_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("span_id", default=None)


def parse_traceparent(header: str | None) -> tuple[str, str] | None:
    if not header:
        return None
    match = TRACEPARENT_RE.match(header.strip().lower())
    if not match or match.group(1) == "0" * 32:
        return None
    return match.group(1), match.group(2)


def current_trace_id() -> str | None:
    return _trace_id.get()


def current_traceparent() -> str | None:
    trace_id, span_id = _trace_id.get(), _span_id.get()
    if not trace_id or not span_id:
        return None
    return f"00-{trace_id}-{span_id}-01"


class TracingMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        parsed = parse_traceparent(request.headers.get("traceparent"))
        trace_id = parsed[0] if parsed else secrets.token_hex(16)
        span_id = secrets.token_hex(8)
        trace_token = _trace_id.set(trace_id)
        span_token = _span_id.set(span_id)
        try:
            response = await call_next(request)
        finally:
            _trace_id.reset(trace_token)
            _span_id.reset(span_token)
        response.headers["traceparent"] = f"00-{trace_id}-{span_id}-01"
        return response
