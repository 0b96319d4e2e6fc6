"""reciprocity.top_partners: equal to brute force over reciprocity.score, with
exclusions, progress, cancellation, exceptions from the callback, Ctrl-C, the
GIL released, and every error message."""

import random
import threading
import time
import _thread

import pytest

import reciprocity
from reciprocity import Cancelled, Profile, top_partners

MODES = reciprocity.MODES


def random_org(n, seed, ids=None):
    """n people over a skewed vocabulary: one topic nearly everyone knows, a
    tenth of the people want nothing; ids shuffled (default: sparse ints)."""
    rng = random.Random(seed)
    vocabulary = [f"topic-{j}" for j in range(15)]
    weights = [1 / (j + 1) for j in range(15)]
    if ids is None:
        ids = rng.sample(range(-5 * n, 5 * n), n)
    org = {}
    for person in ids:
        wants_nothing = rng.random() < 0.1
        spec = {"common": {"level": rng.randrange(6), "want": 0 if wants_nothing else rng.randrange(2)}}
        for topic in rng.choices(vocabulary, weights, k=rng.randrange(1, 7)):
            spec[topic] = {"level": rng.randrange(11) / 2, "want": 0 if wants_nothing or rng.random() < 0.5 else rng.randrange(1, 4)}
        org[person] = Profile(spec)
    return org


def brute_force(org, k, mode="harmonic", exclude=()):
    """Every pair through reciprocity.score; score descending, then id ascending."""
    banned = {(a, b) for a, b in exclude} | {(b, a) for a, b in exclude}
    out = {}
    for i in sorted(org):
        ranked = [(j, reciprocity.score(org[i], org[j], mode)) for j in org if j != i and (i, j) not in banned]
        ranked = sorted((p for p in ranked if p[1] > 0), key=lambda p: (-p[1], p[0]))
        out[i] = ranked[:k]
    return out


@pytest.fixture(scope="module")
def org():
    return random_org(300, seed=42)


# ---------------------------------------------------------------- exactness


@pytest.mark.parametrize("mode", MODES)
def test_equals_brute_force_in_every_mode_and_thread_count(org, mode):
    expect = brute_force(org, 5, mode)
    for threads in (1, 2, 0):
        got = top_partners(org, 5, threads=threads, mode=mode)
        assert got == expect, (mode, threads)  # ids and scores exactly
        assert list(got) == sorted(org)  # every person, ascending id
    # Not a trivial organisation: most people have partners, many have 5.
    assert sum(1 for v in expect.values() if v) > 200
    assert sum(1 for v in expect.values() if len(v) == 5) > 180


def test_str_ids_bytes_profiles_and_ties():
    org = random_org(120, seed=7, ids=[f"e{i:03d}" for i in random.Random(3).sample(range(1000), 120)])
    assert top_partners(org, 4) == brute_force(org, 4)
    # Profiles as their bytes (a BLOB read from SQLite) give the same answer.
    as_bytes = {i: p.to_bytes() if n % 2 else bytearray(p.to_bytes()) for n, (i, p) in enumerate(org.items())}
    assert top_partners(as_bytes, 4, mode="min") == brute_force(org, 4, "min")
    # Equal scores: ascending id, in Python's order of the ids.
    same = Profile({"go": {"level": 5}, "sql": {"want": 1}})
    me = Profile({"go": {"want": 1}, "sql": {"level": 5}})
    assert top_partners({"b": same, "a": same, "me": me, "c": same}, 2)["me"] == [("a", 1.0), ("b", 1.0)]
    assert top_partners({20: same, 3: same, 100: me, 11: same}, 3)[100] == [(3, 1.0), (11, 1.0), (20, 1.0)]


def test_small_and_edge_cases():
    assert top_partners({}, 3) == {}
    alone = {7: Profile({"go": {"level": 5, "want": 1}})}
    assert top_partners(alone, 3) == {7: []}
    a = Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    b = Profile({"python": {"level": 1, "want": 2}, "finance": {"level": 5}})
    # A huge k is clamped, not an error.
    assert top_partners({1: a, 2: b}, 2**70) == {1: [(2, reciprocity.score(a, b))], 2: [(1, reciprocity.score(a, b))]}


# --------------------------------------------------------------- exclusions


def test_exclusions_are_honoured_either_way_round(org):
    plain = brute_force(org, 3)
    exclude = []
    for n, (i, partners) in enumerate(plain.items()):
        if partners and n % 2 == 0:
            best = partners[0][0]
            exclude.append((i, best) if n % 4 == 0 else [best, i])  # tuples or lists, either order
    exclude += [(10**9, next(iter(org))), ("not an id", 1), (next(iter(org)),) * 2]  # ignored
    got = top_partners(org, 3, exclude=iter(exclude), threads=2)  # any iterable
    assert got == brute_force(org, 3, exclude=[tuple(p) for p in exclude])
    assert got != plain
    banned = {(a, b) for a, b in exclude} | {(b, a) for a, b in exclude}
    assert not any((i, p) in banned for i, partners in got.items() for p, _ in partners)
    assert top_partners(org, 3, exclude=[]) == plain


# ------------------------------------------------------- progress and cancel


def test_progress_is_reported_in_the_calling_thread(org):
    calls = []
    caller = threading.get_ident()

    def progress(done, total):
        calls.append((done, total, threading.get_ident()))
        # None (no return) goes on, as does any value but False.

    assert top_partners(org, 5, progress=progress, threads=2) == brute_force(org, 5)
    assert len(calls) >= 2
    assert calls[0][:2] == (0, 300) and calls[-1][:2] == (300, 300)
    assert all(c[2] == caller for c in calls)
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)
    assert top_partners(org, 5, progress=lambda d, t: 0) == brute_force(org, 5)  # 0 is not False


@pytest.mark.parametrize("when", ["first", "last"])
def test_progress_returning_false_cancels(org, when):
    calls = []

    def progress(done, total):
        calls.append(done)
        return False if (when == "first" or done == total) else True

    with pytest.raises(Cancelled) as e:
        top_partners(org, 5, progress=progress)
    assert str(e.value) == "top_partners: cancelled by the progress callback"
    assert isinstance(e.value, Exception) and not isinstance(e.value, KeyboardInterrupt)
    if when == "first":
        assert calls == [0]  # not called again once cancelled
    # The next call is unaffected.
    assert top_partners(org, 2) == brute_force(org, 2)


class Boom(Exception):
    pass


@pytest.mark.parametrize("error", [Boom("from the callback"), KeyboardInterrupt(), ZeroDivisionError("x")])
def test_an_exception_from_progress_propagates(org, error):
    calls = []

    def progress(done, total):
        calls.append(done)
        raise error

    with pytest.raises(type(error)) as e:
        top_partners(org, 5, progress=progress, threads=2)
    assert e.value is error
    assert calls == [0]  # the run stopped at once
    # The traceback reaches into the callback.
    assert e.traceback[-1].name == "progress"
    assert top_partners(org, 2) == brute_force(org, 2)


@pytest.fixture(scope="module")
def dense_org():
    """Everyone over 4 topics: thousands of candidates each, a run of seconds."""
    rng = random.Random(1)
    return {
        i: Profile({f"t{rng.randrange(4)}": {"level": rng.randrange(6), "want": rng.randrange(3)} for _ in range(4)})
        for i in range(20000)
    }


def test_ctrl_c_interrupts_a_run_without_a_callback(dense_org):
    timer = threading.Timer(0.3, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            top_partners(dense_org, 10, threads=1, mode="mean")
    finally:
        timer.cancel()
    assert time.monotonic() - start < 2.0


def test_the_gil_is_released(dense_org):
    # A Python thread counts while the core runs; cancelled after 0.6 s.
    stop = threading.Event()
    count = [0]

    def counter():
        while not stop.is_set():
            count[0] += 1

    t = threading.Thread(target=counter)
    t.start()
    try:
        time.sleep(0.05)
        before = count[0]
        start = time.monotonic()
        with pytest.raises(Cancelled):
            top_partners(dense_org, 10, threads=1, progress=lambda d, n: time.monotonic() - start < 0.6)
        during = count[0] - before
    finally:
        stop.set()
        t.join()
    # Holding the GIL, the counter would only run while a callback runs.
    assert during > 100_000, during


# ------------------------------------------------------------------- errors


def test_errors():
    p = Profile({"go": {"level": 3, "want": 1}})
    q = Profile({"go": {"level": 1, "want": 1}, "sql": {"level": 4}})
    org = {1: p, 2: q}
    cases = [
        (lambda: top_partners([p, q], 3), TypeError, "top_partners: profiles must be a mapping of id -> Profile, not list"),
        (lambda: top_partners(org, 0), ValueError, "top_partners: k must be a positive integer"),
        (lambda: top_partners(org, -2), ValueError, "top_partners: k must be a positive integer"),
        (lambda: top_partners(org, 2.0), TypeError, "top_partners: k must be a positive integer, not float"),
        (lambda: top_partners(org, True), TypeError, "top_partners: k must be a positive integer, not bool"),
        (lambda: top_partners({1: p, "b": q}, 2), TypeError,
         "top_partners: ids must be comparable with each other (all int or all str): "
         "'<' not supported between instances of 'str' and 'int'"),
        (lambda: top_partners({1: p, 3: "python"}, 2), TypeError,
         "top_partners: profile of id 3 is not a reciprocity profile (it is str; make one with reciprocity.Profile "
         "or Profile.from_bytes)"),
        (lambda: top_partners({1: p, 3: b"\x00"}, 2), ValueError,
         "top_partners: profile of id 3 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16"),
        (lambda: top_partners(org, 2, mode="best"), ValueError,
         "top_partners: unknown mode 'best' (valid modes: harmonic, geometric, min, mean, uninorm)"),
        (lambda: top_partners(org, 2, mode=1), TypeError,
         "top_partners: mode must be str, not int (valid modes: harmonic, geometric, min, mean, uninorm)"),
        (lambda: top_partners(org, 2, threads=-1), ValueError,
         "top_partners: threads must be an integer from 0 to 1024 (0: one per core)"),
        (lambda: top_partners(org, 2, threads=1025), ValueError,
         "top_partners: threads must be an integer from 0 to 1024 (0: one per core)"),
        (lambda: top_partners(org, 2, threads="2"), TypeError,
         "top_partners: threads must be an integer from 0 to 1024 (0: one per core), not str"),
        (lambda: top_partners(org, 2, progress=3), TypeError,
         "top_partners: progress must be a callable progress(done, total) or None, not int"),
        (lambda: top_partners(org, 2, exclude=5), TypeError,
         "top_partners: exclude must be an iterable of (a, b) id pairs, not int"),
        (lambda: top_partners(org, 2, exclude=[(1, 2), (1,)]), TypeError,
         "top_partners: exclude item 1 must be an (a, b) pair of ids, not tuple"),
        (lambda: top_partners(org, 2, exclude=["ab"]), TypeError,
         "top_partners: exclude item 0 must be an (a, b) pair of ids, not str"),
        (lambda: top_partners(org, 2, exclude=[(1, [2])]), TypeError,
         "top_partners: exclude item 0 holds an id that cannot be a key (list)"),
    ]
    for call, kind, message in cases:
        with pytest.raises(kind) as e:
            call()
        assert type(e.value) is kind and str(e.value) == message


def test_a_progress_callback_with_the_wrong_signature_raises_its_type_error():
    org = {1: Profile({"go": {"level": 3, "want": 1}}), 2: Profile({"go": {"level": 1, "want": 1}, "sql": {"level": 4}})}
    with pytest.raises(TypeError, match="positional argument"):
        top_partners(org, 2, progress=lambda done: True)
