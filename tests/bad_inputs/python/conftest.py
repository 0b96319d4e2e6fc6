import os
import sys

import pytest

import reciprocity

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # for `import cases`


def pytest_report_header(config):
    return f"reciprocity {reciprocity.__version__} from {os.path.dirname(reciprocity.__file__)}"


def pytest_sessionstart(session):
    # Under ctest, make sure the build-tree package is the one under test.
    expected = os.environ.get("RCP_PYTHON_PACKAGE_DIR")
    if expected:
        got = os.path.realpath(os.path.dirname(reciprocity.__file__))
        if got != os.path.realpath(expected):
            raise pytest.UsageError(f"testing reciprocity from {got}, expected {expected}")
