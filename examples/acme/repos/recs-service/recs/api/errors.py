"""Error responses: every error is {"detail": ..., "error_code": ...}."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger(__name__)


class RecsError(Exception):
    status_code = 500
    error_code = "internal_error"

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class NotFound(RecsError):
    status_code = 404
    error_code = "not_found"


class UpstreamUnavailable(RecsError):
    status_code = 503
    error_code = "upstream_unavailable"


def _error(status: int, detail, error_code: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail, "error_code": error_code})


async def recs_error_handler(request: Request, exc: RecsError) -> JSONResponse:
    return _error(exc.status_code, exc.detail, exc.error_code)


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}.get(
        exc.status_code, "http_error"
    )
    return _error(exc.status_code, exc.detail, code)


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
    return _error(422, errors, "validation_error")


async def unhandled_error_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return _error(500, "internal error", "internal_error")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RecsError, recs_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(Exception, unhandled_error_handler)
