import os
import sys

import pytest

import reciprocity

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/
from pytest_build_tree import pytest_report_header, pytest_sessionstart  # noqa: E402,F401  (hooks)


@pytest.fixture
def cfo():
    return reciprocity.Profile({"finance": {"level": 5}, "python": {"want": 1}})


@pytest.fixture
def dev():
    return reciprocity.Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 1}})


@pytest.fixture
def conn():
    import sqlite3

    import reciprocity.sqlite

    c = sqlite3.connect(":memory:")
    reciprocity.sqlite.load(c)
    yield c
    c.close()
