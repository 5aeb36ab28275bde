"""The shared store contract (test_contract.py), run again against PostgreSQL/PostGIS.

Every test function of test_contract is imported here, where ``store`` is a fresh
PostgresStore in its own schema (skips without ``FRONTLINES_TEST_PG``, fails under CI=true).
"""

from __future__ import annotations

import pytest

from frontlines.store.postgres import PostgresStore

from .test_contract import *  # noqa: F403 (re-collects every contract test here)
from .test_postgres import pg_schema, pg_store, pg_url  # noqa: F401 (fixtures)


@pytest.fixture
def store(pg_store: PostgresStore) -> PostgresStore:  # noqa: F811 (overrides conftest's)
    return pg_store
