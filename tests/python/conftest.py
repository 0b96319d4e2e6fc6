import os

import pytest

import reciprocity


def pytest_report_header(config):
    return f"reciprocity {reciprocity.__version__} from {os.path.dirname(reciprocity.__file__)}"


def pytest_sessionstart(session):
    # Under ctest, make sure the build-tree package is the one under test.
    expected = os.environ.get("RCP_PYTHON_PACKAGE_DIR")
    if expected:
        got = os.path.realpath(os.path.dirname(reciprocity.__file__))
        if got != os.path.realpath(expected):
            raise pytest.UsageError(f"testing reciprocity from {got}, expected {expected}")


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
