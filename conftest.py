"""Shared pytest fixtures: the test cast (kinerja/core/testing.py)."""

import pytest

from kinerja.core.testing import Cast, build_cast


@pytest.fixture
def cast(db: None) -> Cast:
    return build_cast()
