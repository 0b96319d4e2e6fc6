"""Hypothesis: the C++ scores against the pure-Python reference of DESIGN §1
(reference.py), and the model's properties."""

import math

from hypothesis import given, settings, strategies as st

import reciprocity
from reciprocity import Profile

import reference

# A small vocabulary (with case and white-space variants) so that profiles
# overlap often; plus arbitrary names now and then.
NAMES = ["python", "finance", "go", "sql", "design", "sales", "shop-floor operations", "Python ", "FINANCE", "\tGo"]
topic = st.one_of(st.sampled_from(NAMES), st.text(alphabet="abcxyzé -", min_size=1, max_size=12).filter(lambda s: s.strip(" ")))
level = st.one_of(st.integers(0, 5), st.floats(0, 5, allow_nan=False))
want = st.one_of(st.just(0), st.integers(0, 10), st.floats(0, 1e6, allow_nan=False, allow_infinity=False))
fields = st.fixed_dictionaries({}, optional={"level": level, "want": want})
spec = st.dictionaries(topic, fields, max_size=8)
mode = st.sampled_from(reciprocity.MODES)

TOL = 1e-12


def both(s):
    return Profile(s), reference.make(s)


@settings(max_examples=300, deadline=None)
@given(spec, spec, mode)
def test_scores_agree_with_the_reference(sa, sb, m):
    a, ra = both(sa)
    b, rb = both(sb)
    assert math.isclose(reciprocity.benefit(a, b), reference.benefit(ra, rb), rel_tol=0, abs_tol=TOL)
    assert math.isclose(reciprocity.benefit(b, a), reference.benefit(rb, ra), rel_tol=0, abs_tol=TOL)
    assert math.isclose(reciprocity.score(a, b, m), reference.score(ra, rb, m), rel_tol=0, abs_tol=TOL)


@settings(max_examples=200, deadline=None)
@given(spec)
def test_profile_matches_the_reference_reading(s):
    p, r = both(s)
    assert {t: (v["level"], v.get("want", 0.0)) for t, v in p.to_dict().items()} == r
    assert Profile(p.to_dict()) == p
    assert Profile.from_bytes(p.to_bytes()) == p
    assert Profile.from_json(p.to_json()) == p


@settings(max_examples=150, deadline=None)
@given(spec, spec, mode)
def test_symmetric_and_in_range(sa, sb, m):
    a, b = Profile(sa), Profile(sb)
    s = reciprocity.score(a, b, m)
    assert s == reciprocity.score(b, a, m)
    assert 0.0 <= s <= 1.0
    assert 0.0 <= reciprocity.benefit(a, b) <= 1.0


@settings(max_examples=150, deadline=None)
@given(spec, spec, st.sampled_from(["harmonic", "geometric", "min", "uninorm"]))
def test_zero_when_one_side_gains_nothing(sa, sb, m):
    a = Profile(sa)
    # B wants nothing: B gains nothing, so the pair scores 0.
    wants_nothing = Profile({t: {"level": v.get("level", 0)} for t, v in sb.items()})
    assert reciprocity.benefit(wants_nothing, a) == 0.0
    assert reciprocity.score(a, wants_nothing, m) == 0.0
    # B knows nothing: A gains nothing from B, so the pair scores 0.
    knows_nothing = Profile({t: {"want": v.get("want", 0)} for t, v in sb.items()})
    assert reciprocity.benefit(a, knows_nothing) == 0.0
    assert reciprocity.score(knows_nothing, a, m) == 0.0
    # And whenever either benefit is 0, so is the score.
    b = Profile(sb)
    if reciprocity.benefit(a, b) == 0.0 or reciprocity.benefit(b, a) == 0.0:
        assert reciprocity.score(a, b, m) == 0.0


@settings(max_examples=200, deadline=None)
@given(spec, spec)
def test_means_are_ordered(sa, sb):
    a, b = Profile(sa), Profile(sb)
    lo = reciprocity.score(a, b, "min")
    h = reciprocity.score(a, b, "harmonic")
    g = reciprocity.score(a, b, "geometric")
    mean = reciprocity.score(a, b, "mean")
    eps = 1e-15
    assert lo <= h + eps and h <= g + eps and g <= mean + eps


@settings(max_examples=80, deadline=None)
@given(spec, st.dictionaries(st.integers(0, 50), spec, max_size=12), st.integers(1, 6), mode)
def test_best_partners_agrees_with_sorting_reference_scores(sme, cands, k, m):
    me, rme = both(sme)
    profiles = {i: Profile(s) for i, s in cands.items()}
    got = reciprocity.best_partners(me, profiles, k, m)
    positive = [i for i, s in cands.items() if reference.score(rme, reference.make(s), m) > 0]
    assert len(got) == min(k, len(positive))
    for i, s in got:
        assert math.isclose(s, reference.score(rme, reference.make(cands[i]), m), abs_tol=TOL)
    exact = [(i, reciprocity.score(me, profiles[i], m)) for i in profiles]
    exact = sorted((t for t in exact if t[1] > 0), key=lambda t: (-t[1], t[0]))[:k]
    assert got == exact
