"""pytest hooks shared by the Python suites (tests/python, tests/bad_inputs/python).

Each suite's conftest.py imports them by name, which is how pytest finds them:
the report header names the package under test, and under ctest
(RCP_PYTHON_PACKAGE_DIR set) the session refuses to test any other copy.
"""
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
