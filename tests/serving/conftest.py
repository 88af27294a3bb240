import pytest

from django.core.cache import cache

from tests.services.lifecycle import running
from tests.services.redis import Redis
from tests.services.s3 import S3


@pytest.fixture(scope="session")
def redis_url():
    """A redis-server of this run, started by the first test that needs it."""
    with running(Redis()) as url:
        yield url


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server of this run, with the media bucket, started by the first test that needs it."""
    with running(S3()) as endpoint:
        yield endpoint


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    """The page cache switched on, over a process-local cache and over a real Redis, cleared."""
    settings.PAGE_CACHE_ENABLED = True
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "test",
            }
        }
    cache.clear()
    yield request.param
    cache.clear()
