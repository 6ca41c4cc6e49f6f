import pytest

from recs.util import retry as retry_module
from recs.util.retry import retry


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch):
    sleeps = []
    monkeypatch.setattr(retry_module.time, "sleep", sleeps.append)
    return sleeps


def test_retries_then_succeeds(no_sleep):
    calls = []

    @retry(max_attempts=3, backoff_seconds=0.5)
    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionError("reset by peer")
        return "ok"

    assert flaky() == "ok"
    assert no_sleep == [0.5, 1.0]


def test_gives_up_after_max_attempts():
    @retry(max_attempts=2)
    def down():
        raise TimeoutError("read timed out")

    with pytest.raises(TimeoutError):
        down()


def test_does_not_retry_other_errors(no_sleep):
    @retry()
    def broken():
        raise KeyError("products")

    with pytest.raises(KeyError):
        broken()
    assert no_sleep == []
