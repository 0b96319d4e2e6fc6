import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # for `import cases`
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))  # tests/
from pytest_build_tree import pytest_report_header, pytest_sessionstart  # noqa: E402,F401  (hooks)
