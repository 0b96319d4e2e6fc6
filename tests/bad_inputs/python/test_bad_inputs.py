"""Runs the Python bad-input catalogue (cases.py): each call raises exactly
the expected exception type with exactly the expected message, or returns the
expected result, and does so quickly (no hang, no crash: a crash would end
the whole run)."""

import time

import pytest

from cases import CASES

# A case may build a 100 MB text or a million-topic profile; each takes a
# second or two. Far above that is a hang or a quadratic path.
SECONDS_PER_CASE = 60


def test_the_catalogue_is_big_and_its_ids_unique():
    ids = [c.id for c in CASES]
    assert len(ids) >= 100
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case):
    start = time.monotonic()
    if case.exc is None:
        assert case.call() == case.expected
    else:
        with pytest.raises(BaseException) as info:
            case.call()
        assert type(info.value) is case.exc, f"{type(info.value).__name__}: {info.value}"
        assert str(info.value) == case.expected
    assert time.monotonic() - start < SECONDS_PER_CASE
