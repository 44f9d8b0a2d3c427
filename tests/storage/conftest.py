import pytest

from tests.support.stores import CONTRACT_STORES, store_named


@pytest.fixture(params=CONTRACT_STORES)
def store(request):
    """The storage contract on every backend, each also behind the encrypting wrapper."""
    return store_named(request)
