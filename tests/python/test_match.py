"""reciprocity.match and reciprocity.audit: equal to brute-force oracles in
Python on small random instances (the best total, the fair order, stability
where a stable matching exists, the capacity optimum, pinned pairs), the audit
equal to a Python audit of the same rules, determinism under row order, the
GIL released, and the error messages."""

import math
import random
import sys
import threading
import time

import pytest

import reciprocity
from reciprocity import MatchAudit, Matching, audit, match


# ------------------------------------------------------------------ oracles

def canonical(pairs):
    """{(min, max): (score, gain of min, gain of max)} of candidate tuples."""
    out = {}
    for t in pairs:
        a, b, s = t[0], t[1], t[2]
        ga, gb = (t[3], t[4]) if len(t) == 5 else (s, s)
        if a > b:
            a, b, ga, gb = b, a, gb, ga
        out[(a, b)] = (s, ga, gb)
    return out


def all_matchings(cands, capacity, pinned=()):
    """Every (b-)matching over the candidate edges that contains `pinned`."""
    edges = sorted(cands)
    pinned = {tuple(sorted(p)) for p in pinned}
    out = []
    used = {}

    def rec(i, chosen):
        if i == len(edges):
            out.append(list(chosen))
            return
        a, b = edges[i]
        if (a, b) not in pinned:
            rec(i + 1, chosen)
        if used.get(a, 0) < capacity(a) and used.get(b, 0) < capacity(b):
            used[a] = used.get(a, 0) + 1
            used[b] = used.get(b, 0) + 1
            chosen.append((a, b))
            rec(i + 1, chosen)
            chosen.pop()
            used[a] -= 1
            used[b] -= 1

    rec(0, [])
    return out


def py_audit(pairs, matching, mentors=None):
    """The audit rules of core/match.hpp, in Python."""
    cands = canonical(pairs)
    mentors = mentors or {}
    cap = lambda x: mentors.get(x, 1)
    people = {x for e in cands for x in e} | set(mentors)
    m = {tuple(sorted(p[:2])) for p in matching}
    partners = {x: [] for x in people}
    for a, b in m:
        partners[a].append(b)
        partners[b].append(a)

    def key(x, y):  # x's ranking of y: own gain, then score, then smaller id
        a, b = min(x, y), max(x, y)
        s, ga, gb = cands[(a, b)]
        return (ga if x == a else gb, s, -y)

    def wants(x, y):
        if len(partners[x]) < cap(x):
            return True
        return key(x, y) > min(key(x, p) for p in partners[x])

    blocking = sorted(e for e in cands if e not in m and wants(e[0], e[1]) and wants(e[1], e[0]))
    scores = {e: cands[e][0] for e in m}
    outcome = {x: min((scores[tuple(sorted((x, p)))] for p in partners[x]), default=0.0) for x in people}
    worst = min(people, key=lambda x: (outcome[x], 1 if partners[x] else 0, x)) if people else None
    return {
        "people": len(people),
        "pairs": len(m),
        "total": sum(scores.values()),
        "weakest_score": min(scores.values(), default=0.0),
        "worst_off": worst,
        "worst_off_score": None if worst is None else outcome[worst],
        "unmatched": sum(1 for x in people if not partners[x]),
        "blocking_pairs": blocking,
        "stable": not blocking,
    }


def audit_dict(a):
    return {k: getattr(a, k) for k in (
        "people", "pairs", "total", "weakest_score", "worst_off", "worst_off_score", "unmatched",
        "blocking_pairs", "stable")}


def assert_audit_equal(got, want):
    got = audit_dict(got)
    for k in ("total", "weakest_score"):
        assert got[k] == pytest.approx(want[k], abs=1e-9), k
    for k in ("people", "pairs", "worst_off", "unmatched", "blocking_pairs", "stable"):
        assert got[k] == want[k], k
    if want["worst_off_score"] is None:
        assert got["worst_off_score"] is None
    else:
        assert got["worst_off_score"] == pytest.approx(want["worst_off_score"], abs=1e-9)


def random_instance(rng, n, gains=False, mentors=False, density=0.6, positive=False):
    """Scores on a grid of 1/16 (exact sums); ids sparse and shuffled; some
    rows reversed. With mentors: a random side, capacities 1-3."""
    ids = rng.sample(range(-10 ** 6, 10 ** 6), n)
    side = {x: rng.random() < 0.35 for x in ids}
    if mentors:
        side[ids[0]] = True
    caps = {x: rng.randint(1, 3) for x in ids if side[x]} if mentors else None
    pairs = []
    for i in range(n):
        for j in range(i + 1, n):
            a, b = ids[i], ids[j]
            if mentors and side[a] == side[b]:
                continue
            if rng.random() > density:
                continue
            s = rng.randint(1 if positive else 0, 16) / 16
            t = (a, b, s, rng.randint(0, 4) / 4, rng.randint(0, 4) / 4) if gains else (a, b, s)
            if rng.random() < 0.5:
                t = (t[1], t[0], t[2], t[4], t[3]) if gains else (t[1], t[0], t[2])
            pairs.append(t)
    return pairs, caps


def check_result_shape(result, pairs, mentors=None):
    cands = canonical(pairs)
    assert isinstance(result, Matching)
    seen = {}
    for a, b, s in result.pairs:
        if mentors:
            assert a in mentors and b not in mentors
        else:
            assert a < b
        assert cands[tuple(sorted((a, b)))][0] == s
        for x in (a, b):
            seen[x] = seen.get(x, 0) + 1
    for x, c in seen.items():
        assert c <= (mentors or {}).get(x, 1)
    assert result.pairs == sorted(result.pairs)
    assert len(result) == len(result.pairs) and list(result) == result.pairs
    assert_audit_equal(result.audit, py_audit(pairs, result.pairs, mentors))


# --------------------------------------------------------------- objectives

def test_total_equals_the_brute_force_optimum():
    rng = random.Random(1)
    for _ in range(400):
        pairs, _ = random_instance(rng, rng.randint(0, 9), gains=rng.random() < 0.3)
        r = match(pairs)
        check_result_shape(r, pairs)
        cands = canonical(pairs)
        best = max(sum(cands[e][0] for e in m) for m in all_matchings(cands, lambda x: 1))
        assert r.audit.total == pytest.approx(best, abs=1e-9)
        assert r.objective == "total"
        assert all(s > 0 for _, _, s in r.pairs)  # score-0 pairs are not formed


def test_fair_is_the_lexicographic_optimum():
    rng = random.Random(2)
    for _ in range(300):
        pairs, _ = random_instance(rng, rng.randint(1, 9), positive=True)
        r = match(pairs, objective="fair")
        check_result_shape(r, pairs)
        cands = canonical(pairs)

        def rank(m):
            s = [cands[e][0] for e in m]
            return (len(s), min(s, default=0.0), sum(s))

        best = max(rank(m) for m in all_matchings(cands, lambda x: 1))
        got = (len(r.pairs), r.audit.weakest_score, r.audit.total)
        assert got[:2] == best[:2]
        assert got[2] == pytest.approx(best[2], abs=1e-9)


def test_stable_where_a_stable_matching_exists():
    rng = random.Random(3)
    existed = missing = 0
    for _ in range(300):
        pairs, _ = random_instance(rng, rng.randint(1, 8), gains=rng.random() < 0.7)
        r = match(pairs, objective="stable")
        check_result_shape(r, pairs)
        exists = any(py_audit(pairs, m)["stable"] for m in all_matchings(canonical(pairs), lambda x: 1))
        assert r.audit.stable == exists
        if exists:
            existed += 1
            assert r.audit.explanation == ""
        else:
            missing += 1
            assert r.audit.explanation != ""
    assert existed > 50 and missing > 5, (existed, missing)


def test_no_stable_matching_is_said_clearly():
    # A:BCD, B:CAD, C:ABD, D:ABC (gains give the rankings): no stable matching.
    A, B, C, D = 1, 2, 3, 4
    rank = {A: [B, C, D], B: [C, A, D], C: [A, B, D], D: [A, B, C]}
    gain = lambda x, y: 3 - rank[x].index(y)
    pairs = [(x, y, 1.0, gain(x, y), gain(y, x)) for x in rank for y in rank if x < y]
    r = match(pairs, objective="stable")
    assert not r.audit.stable
    assert r.audit.blocking_pairs and r.audit.explanation
    assert len(r.pairs) == 2


def test_capacities_equal_the_brute_force_optimum():
    rng = random.Random(4)
    for _ in range(250):
        pairs, caps = random_instance(rng, rng.randint(2, 8), mentors=True, density=0.7)
        r = match(pairs, mentors=caps)
        check_result_shape(r, pairs, caps)
        cands = canonical(pairs)
        best = max(sum(cands[e][0] for e in m) for m in all_matchings(cands, lambda x: caps.get(x, 1)))
        assert r.audit.total == pytest.approx(best, abs=1e-9)


def test_pinned_pairs_stay_and_the_rest_is_optimal():
    rng = random.Random(5)
    for _ in range(250):
        pairs, _ = random_instance(rng, rng.randint(2, 9))
        if not pairs:
            continue
        pin = rng.choice(pairs)[:2][::-1]
        r = match(pairs, pinned=[pin])
        check_result_shape(r, pairs)
        assert tuple(sorted(pin)) in {(a, b) for a, b, _ in r.pairs}
        cands = canonical(pairs)
        best = max(sum(cands[e][0] for e in m) for m in all_matchings(cands, lambda x: 1, pinned=[pin]))
        assert r.audit.total == pytest.approx(best, abs=1e-9)


def test_the_same_pairs_in_any_order_give_the_same_result():
    rng = random.Random(6)
    for objective in ("total", "fair", "stable"):
        for _ in range(40):
            pairs, _ = random_instance(rng, 10, gains=objective == "stable")
            first = match(pairs, objective=objective)
            shuffled = [(t[1], t[0], t[2], t[4], t[3]) if len(t) == 5 else (t[1], t[0], t[2]) for t in pairs]
            rng.shuffle(shuffled)
            again = match(iter(shuffled), objective=objective)
            assert again.pairs == first.pairs
            assert again.audit.blocking_pairs == first.audit.blocking_pairs


def test_examples():
    pairs = [(1, 2, 0.9), (2, 3, 1.0), (3, 4, 0.8)]
    assert match(pairs).pairs == [(1, 2, 0.9), (3, 4, 0.8)]
    assert match(pairs, objective=None).objective == "total"
    f = match(pairs, objective="fair")
    assert f.objective == "fair" and f.pairs == [(1, 2, 0.9), (3, 4, 0.8)]
    s = match(pairs, objective="stable")
    assert s.pairs == [(2, 3, 1.0)] and s.audit.stable and s.audit.explanation == ""
    assert s.audit.worst_off == 1 and s.audit.worst_off_score == 0.0 and s.audit.unmatched == 2
    a = match(pairs).audit
    assert a.blocking_pairs == [(2, 3)] and not a.stable and a.explanation
    assert repr(match(pairs)) == "Matching(objective='total', pairs=[(1, 2, 0.9), (3, 4, 0.8)])"
    # Gains drive the stable rankings: by score 1 prefers 2, by its gain 3.
    assert match([(1, 2, 0.9, 0.1, 0.9), (1, 3, 0.5, 0.8, 0.8)], objective="stable").pairs == [(1, 3, 0.5)]
    assert match([(1, 2, 0.9), (1, 3, 0.5)], objective="stable").pairs == [(1, 2, 0.9)]
    # Mentors: (mentor, mentee) in either orientation of the rows.
    r = match([(10, 1, 0.9), (1, 11, 0.8), (2, 11, 0.5), (12, 2, 0.4)], mentors={1: 2, 2: 1})
    assert r.pairs == [(1, 10, 0.9), (1, 11, 0.8), (2, 12, 0.4)]
    # Empty cohort.
    e = match([])
    assert e.pairs == [] and e.audit.people == 0 and e.audit.worst_off is None and e.audit.worst_off_score is None
    # Lists work as tuples; big ids.
    big = 2 ** 62
    assert match([[big, -big, 1]]).pairs == [(-big, big, 1.0)]


def test_keyword_arguments():
    pairs = [(1, 2, 0.9), (2, 3, 1.0), (3, 4, 0.8)]
    r = match(pairs=pairs, objective="total", mentors=None, pinned=None)
    assert audit_dict(audit(pairs=pairs, matching=r.pairs, mentors=None)) == audit_dict(r.audit)


# -------------------------------------------------------------------- audit

def test_audit_of_any_matching_equals_the_python_rules():
    rng = random.Random(7)
    for _ in range(300):
        use_mentors = rng.random() < 0.3
        n = rng.randint(1 if use_mentors else 0, 9)
        pairs, caps = random_instance(rng, n, gains=rng.random() < 0.5, mentors=use_mentors)
        cands = canonical(pairs)
        ms = all_matchings(cands, lambda x: (caps or {}).get(x, 1))
        m = rng.choice(ms)
        m = [(b, a) if rng.random() < 0.5 else (a, b) for a, b in m]
        got = audit(pairs, m, mentors=caps)
        assert isinstance(got, MatchAudit)
        assert_audit_equal(got, py_audit(pairs, m, caps))


def test_audit_of_match_pairs_equals_match_audit():
    pairs = [(1, 2, 0.5, 0.2, 0.9), (2, 3, 0.75, 0.6, 0.1), (3, 4, 0.5, 0.3, 0.3)]
    for objective in ("total", "fair", "stable"):
        r = match(pairs, objective=objective)
        assert audit_dict(audit(pairs, r.pairs)) == audit_dict(r.audit)
        assert audit(pairs, r.pairs).explanation == r.audit.explanation or objective == "stable"


def test_audit_repr():
    a = audit([(1, 2, 0.5), (2, 3, 0.25)], [(2, 3)])
    assert repr(a) == ("MatchAudit(pairs=1, total=0.25, weakest_score=0.25, worst_off=1, worst_off_score=0.0, "
                       "unmatched=1, blocking_pairs=[(1, 2)], stable=False)")
    assert a.people == 3 and a.explanation


# ------------------------------------------------------------------- errors

def error(call, kind=ValueError):
    with pytest.raises(kind) as e:
        call()
    return str(e.value)


def test_core_errors_have_the_sql_messages():
    nan, inf = math.nan, math.inf
    assert error(lambda: match([(3, 3, 0.5)])) == "match: candidate pair (3, 3) is a self-pair"
    assert error(lambda: match([(1, 2, 0.5), (2, 1, 0.25)])) == \
        "match: candidate pair (1, 2) is given twice with different scores (0.25 and 0.5)"
    assert error(lambda: match([(1, 2, -1)])) == \
        "match: candidate pair (1, 2) has score -1; scores must be finite numbers >= 0"
    assert error(lambda: match([(2, 1, nan)])) == \
        "match: candidate pair (1, 2) has score NaN; scores must be finite numbers >= 0"
    assert error(lambda: match([(1, 2, inf)])) == \
        "match: candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0"
    assert error(lambda: match([(1, 2, 5000)])) == \
        "match: candidate pair (1, 2) has score 5000, over the largest score a matching takes (4096)"
    assert error(lambda: match([(2, 1, 0.5, -0.5, 0.25)])) == \
        "match: candidate pair (1, 2) has b_gain -0.5; gains must be finite numbers >= 0"
    assert error(lambda: match([(1, 2, 0.5)], objective="best")) == \
        "match: unknown objective 'best' (valid objectives: total, fair, stable)"
    assert error(lambda: match([(1, 2, 0.5)], mentors={})) == \
        "match: mentors are given but the list is empty (capacities need two sides: mentors with a capacity, " \
        "and the mentees, everyone else)"
    assert error(lambda: match([(1, 2, 0.5)], mentors={1: 0})) == \
        "match: mentor 1 has capacity 0; capacities must be integers >= 1"
    assert error(lambda: match([(1, 2, 0.5)], mentors={1: 2, 2: 1})) == \
        "match: candidate pair (1, 2) joins two mentors (with mentors given, every pair joins a mentor and a mentee)"
    assert error(lambda: match([(1, 2, 0.5)], mentors={9: 1})) == \
        "match: candidate pair (1, 2) has no mentor (with mentors given, every pair joins a mentor and a mentee)"
    for objective in ("fair", "stable"):
        assert error(lambda: match([(1, 2, 0.5)], objective=objective, mentors={1: 2})) == \
            f"match: objective '{objective}' does not take mentors (capacities are solved for the largest total: " \
            "use objective 'total')"
    path = [(1, 2, 0.5), (2, 3, 0.5), (3, 4, 0.5)]
    assert error(lambda: match(path, pinned=[(1, 3)])) == "match: pinned pair (1, 3) is not a candidate pair"
    assert error(lambda: match(path, pinned=[(2, 3), (1, 2)])) == "match: person 2 is pinned twice: (1, 2) and (2, 3)"
    assert match(path, pinned=[(2, 3), (3, 2)]).pairs == [(2, 3, 0.5)]

    c = [(1, 2, 0.5), (2, 3, 0.5)]
    assert error(lambda: audit(c, [(1, 3)])) == "audit: matching pair (1, 3) is not a candidate pair"
    assert error(lambda: audit(c, [(1, 2), (3, 2)])) == \
        "audit: person 2 is in two pairs of the matching: (1, 2) and (2, 3)"
    assert error(lambda: audit(c, [(1, 2), (3, 2)], mentors={2: 1})) == \
        "audit: mentor 2 has more mentees in the matching than its capacity 1"
    assert audit(c, [(1, 2), (3, 2)], mentors={2: 2}).pairs == 2
    assert error(lambda: audit([(1, 1, 0.5)], [])) == "audit: candidate pair (1, 1) is a self-pair"


def test_argument_errors():
    T = TypeError
    shape = "(a, b, score) or (a, b, score, a_gain, b_gain)"
    assert error(lambda: match(5), T) == f"match: pairs must be an iterable of {shape} tuples, not int"
    assert error(lambda: match("abc"), T) == f"match: pairs must be an iterable of {shape} tuples, not str"
    assert error(lambda: match([5]), T) == f"match: pairs item 0 must be a tuple {shape}, not int"
    assert error(lambda: match([(1, 2)])) == f"match: pairs item 0 has 2 values; it must be a tuple {shape}"
    assert error(lambda: match([(1, 2, 0.5), (2, 3, 0.5, 0.1, 0.1)])) == \
        "match: pairs item 1 has 5 values but item 0 has 3 (give the gains for every pair or for none)"
    assert error(lambda: match([("x", 2, 0.5)]), T) == "match: pairs item 0: a must be an int id, not str"
    assert error(lambda: match([(1, 2.0, 0.5)]), T) == "match: pairs item 0: b must be an int id, not float"
    assert error(lambda: match([(1, True, 0.5)]), T) == "match: pairs item 0: b must be an int id, not bool"
    assert error(lambda: match([(2 ** 63, 1, 0.5)])) == "match: pairs item 0: a does not fit in a 64-bit integer"
    assert error(lambda: match([(1, 2, "0.5")]), T) == "match: pairs item 0: score must be a number, not str"
    assert error(lambda: match([(1, 2, 0.5, None, 1)]), T) == "match: pairs item 0: a_gain must be a number, not NoneType"
    assert error(lambda: match([(1, 2, 10 ** 400)])) == "match: pairs item 0: score is too large for a float"
    assert error(lambda: match([], objective=1), T) == "match: objective must be 'total', 'fair' or 'stable', not int"
    assert error(lambda: match([], mentors=[1, 2]), T) == \
        "match: mentors must be a mapping of mentor id -> capacity, or None, not list"
    assert error(lambda: match([(1, 2, 0.5)], mentors={"a": 1}), T) == "match: mentors: key 'a' must be an int id, not str"
    assert error(lambda: match([(1, 2, 0.5)], mentors={1: 1.5}), T) == \
        "match: capacity of mentor 1 must be an int, not float"
    assert error(lambda: match([(1, 2, 0.5)], mentors={1: -1})) == \
        "match: mentor 1 has capacity -1; capacities must be integers >= 1"
    assert match([(1, 2, 0.5)], mentors={1: 2 ** 70}).pairs == [(1, 2, 0.5)]  # no limit in practice
    assert error(lambda: match([], pinned=3), T) == "match: pinned must be an iterable of (a, b) tuples, not int"
    assert error(lambda: match([], pinned=[(1, 2, 3)])) == "match: pinned item 0 has 3 values; it must be a tuple (a, b)"
    assert error(lambda: audit([], 3), T) == \
        "audit: matching must be an iterable of (a, b) or (a, b, score) tuples, not int"
    assert error(lambda: audit([], [(1,)])) == \
        "audit: matching item 0 has 1 values; it must be a tuple (a, b) or (a, b, score)"

    def bad():
        yield (1, 2, 0.5)
        raise RuntimeError("boom")

    assert error(lambda: match(bad()), RuntimeError) == "boom"


def test_the_gil_is_released():
    # A sparse cohort big enough for the core to take a while, converted before
    # the clock starts; a long switch interval means a thread waiting for the
    # GIL would not run while match holds it.
    rng = random.Random(8)
    n = 3_000
    pairs = [(i, rng.randrange(n), rng.randint(1, 1000) / 1000) for i in range(n) for _ in range(12)]
    pairs = [t for t in pairs if t[0] != t[1]]
    seen, unique = set(), []
    for t in pairs:
        k = (min(t[0], t[1]), max(t[0], t[1]))
        if k not in seen:
            seen.add(k)
            unique.append(t)
    stop = threading.Event()
    count = [0]

    def counter():
        while not stop.is_set():
            count[0] += 1

    old = sys.getswitchinterval()
    sys.setswitchinterval(1.0)
    t = threading.Thread(target=counter)
    t.start()
    try:
        time.sleep(0.01)
        before = count[0]
        match(unique)
        during = count[0] - before
    finally:
        stop.set()
        t.join()
        sys.setswitchinterval(old)
    assert during > 10_000, during
