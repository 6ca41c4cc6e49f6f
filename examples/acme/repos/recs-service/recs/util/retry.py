"""A small retry decorator for flaky I/O."""

import functools
import logging
import time

logger = logging.getLogger(__name__)


def retry(max_attempts: int = 3, backoff_seconds: float = 0.5, retry_on=(ConnectionError, TimeoutError)):
    """Retry the decorated function on the given exceptions.

    Waits backoff_seconds, then twice that, and so on. Anything not in
    retry_on is raised immediately: retrying a 404 doesn't make it a 200.
    """

    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, max_attempts + 1):
                try:
                    return fn(*args, **kwargs)
                except retry_on as exc:
                    if attempt == max_attempts:
                        raise
                    delay = backoff_seconds * 2 ** (attempt - 1)
                    logger.warning(
                        "retrying %s after %s (attempt %d/%d, sleeping %.2fs)",
                        fn.__qualname__,
                        type(exc).__name__,
                        attempt,
                        max_attempts,
                        delay,
                    )
                    time.sleep(delay)

        return wrapper

    return decorator
