import pytest

from django.core.cache import cache

from tests import services


@pytest.fixture(scope="session")
def redis_url():
    with services.redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def s3_endpoint():
    with services.s3_server() as endpoint:
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
