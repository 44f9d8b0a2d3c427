"""The settings of data protection: DATA_KEY (required once a deployment sets SECRET_KEY; generated
when neither is set, see tests/security/test_generated_keys.py), RETENTION_DAYS and METRICS_TOKEN,
validated at start like every other setting."""
from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from bot.config import ConfigError
from bot.config import from_env as read_env
from tests.support.stores import TEST_DATA_KEY


@pytest.fixture
def from_env(tmp_path):
    """bot.config.from_env with DATA_DIR in the test's directory (where keys may be generated)."""
    return lambda env: read_env({"DATA_DIR": str(tmp_path), **env})


def test_a_deployment_that_set_its_secret_key_must_set_data_key(from_env):
    with pytest.raises(ConfigError, match="DATA_KEY is required"):
        from_env({"SECRET_KEY": "a-real-secret"})
    config = from_env({"SECRET_KEY": "a-real-secret", "DATA_KEY": TEST_DATA_KEY})
    assert config.encryption_key == TEST_DATA_KEY


def test_data_key_may_list_several_keys_while_rotating(from_env):
    new = Fernet.generate_key().decode()
    assert from_env({"DATA_KEY": f"{new}, {TEST_DATA_KEY}"}).encryption_key == f"{new}, {TEST_DATA_KEY}"


@pytest.mark.parametrize("key", ["not-a-key", "c2hvcnQ=", TEST_DATA_KEY[:-4], f"{TEST_DATA_KEY},", f"{TEST_DATA_KEY},x"])
def test_a_data_key_that_is_not_a_fernet_key_stops_the_start(key, from_env):
    with pytest.raises(ConfigError, match="Fernet key"):
        from_env({"DATA_KEY": key})


def test_retention_days_default_to_180_and_must_be_a_positive_number(from_env):
    assert from_env({}).retention_days == 180
    assert from_env({"RETENTION_DAYS": "30"}).retention_days == 30
    for bad in ("0", "-1", "half a year"):
        with pytest.raises(ConfigError, match="RETENTION_DAYS"):
            from_env({"RETENTION_DAYS": bad})


def test_metrics_token_is_optional(from_env):
    assert from_env({}).metrics_token is None
    assert from_env({"METRICS_TOKEN": "t0ken"}).metrics_token == "t0ken"
