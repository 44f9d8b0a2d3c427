"""The attacks of issue 14 as tests; the materials tests' warm pool serves here too."""
from tests.materials.conftest import pool  # noqa: F401 - a fixture, shared by name
