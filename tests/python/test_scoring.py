"""score, benefit, explain, best_partners: values, ordering and every error."""

import re
import threading

import pytest

import reciprocity
from reciprocity import Profile

MODE_LIST = "harmonic, geometric, min, mean, uninorm"


def raises(exc, message):
    return pytest.raises(exc, match="^" + re.escape(message) + "$")


# --------------------------------------------------------------------- score


def test_score_of_an_exchange(cfo, dev):
    # cfo gains python 4/5 from dev, dev gains finance (5-1)/5 from cfo.
    assert reciprocity.benefit(cfo, dev) == pytest.approx(0.8, abs=1e-15)
    assert reciprocity.benefit(dev, cfo) == pytest.approx(0.8, abs=1e-15)
    for mode in ("harmonic", "geometric", "min", "mean"):
        assert reciprocity.score(cfo, dev, mode) == pytest.approx(0.8, abs=1e-15)
    assert reciprocity.score(cfo, dev, "uninorm") == pytest.approx(0.64 / (0.64 + 0.04), abs=1e-15)


def test_score_modes_on_an_unbalanced_pair():
    a = Profile({"python": {"level": 0, "want": 1}, "finance": {"level": 5}})
    b = Profile({"python": {"level": 5}, "finance": {"level": 4, "want": 1}})
    x, y = 1.0, 0.2  # a gains python 5/5, b gains finance 1/5
    assert reciprocity.benefit(a, b) == pytest.approx(x)
    assert reciprocity.benefit(b, a) == pytest.approx(y)
    expected = {
        "harmonic": 2 * x * y / (x + y),
        "geometric": (x * y) ** 0.5,
        "min": y,
        "mean": (x + y) / 2,
        "uninorm": 1.0,  # x = 1 dominates
    }
    for mode, value in expected.items():
        assert reciprocity.score(a, b, mode=mode) == pytest.approx(value, abs=1e-12), mode
        assert reciprocity.score(b, a, mode) == reciprocity.score(a, b, mode)


def test_default_mode_is_harmonic_and_names_are_lenient(cfo):
    a = Profile({"python": {"level": 0, "want": 1}, "finance": {"level": 5}})
    b = Profile({"python": {"level": 5}, "finance": {"level": 4, "want": 1}})
    h = reciprocity.score(a, b, "harmonic")
    assert reciprocity.score(a, b) == h
    assert reciprocity.score(a, b, None) == h
    assert reciprocity.score(a, b, mode=" MIN\t") == reciprocity.score(a, b, "min")


def test_one_sided_pair_scores_zero_in_harmonic_but_not_mean():
    mentor = Profile({"python": {"level": 5}})
    mentee = Profile({"python": {"level": 1, "want": 1}})
    assert reciprocity.benefit(mentee, mentor) == pytest.approx(0.8)
    assert reciprocity.benefit(mentor, mentee) == 0.0
    assert reciprocity.score(mentor, mentee) == 0.0
    assert reciprocity.score(mentor, mentee, "min") == 0.0
    assert reciprocity.score(mentor, mentee, "geometric") == 0.0
    assert reciprocity.score(mentor, mentee, "uninorm") == 0.0
    assert reciprocity.score(mentor, mentee, "mean") == pytest.approx(0.4)


def test_profiles_may_be_given_as_bytes(cfo, dev):
    s = reciprocity.score(cfo, dev)
    assert reciprocity.score(cfo.to_bytes(), dev) == s
    assert reciprocity.score(bytearray(cfo.to_bytes()), memoryview(dev.to_bytes())) == s
    assert reciprocity.benefit(cfo.to_bytes(), dev.to_bytes()) == reciprocity.benefit(cfo, dev)
    assert reciprocity.explain(cfo.to_bytes(), dev) == reciprocity.explain(cfo, dev)


@pytest.mark.parametrize("fn", ["score", "benefit", "explain"])
def test_profile_argument_errors(fn, cfo):
    f = getattr(reciprocity, fn)
    with raises(TypeError, f"{fn}: argument 1 is not a reciprocity profile (it is dict; make one with reciprocity.Profile or Profile.from_bytes)"):
        f({"python": {"level": 1}}, cfo)
    with raises(TypeError, f"{fn}: argument 2 is not a reciprocity profile (it is NoneType; make one with reciprocity.Profile or Profile.from_bytes)"):
        f(cfo, None)
    with raises(ValueError, f"{fn}: argument 2 is not a reciprocity profile: bad magic bytes"):
        f(cfo, b"0123456789abcdef")
    with raises(ValueError, f"{fn}: argument 1 is not a reciprocity profile: truncated: 3 bytes, a profile has at least 16"):
        f(b"abc", cfo)


@pytest.mark.parametrize("fn", ["score", "explain"])
def test_mode_errors(fn, cfo, dev):
    f = getattr(reciprocity, fn)
    with raises(ValueError, f"{fn}: unknown mode 'x' (valid modes: {MODE_LIST})"):
        f(cfo, dev, "x")
    with raises(ValueError, f"{fn}: unknown mode '' (valid modes: {MODE_LIST})"):
        f(cfo, dev, mode="")
    with raises(TypeError, f"{fn}: mode must be str, not int (valid modes: {MODE_LIST})"):
        f(cfo, dev, 1)


def test_wrong_argument_count_is_a_type_error(cfo):
    with pytest.raises(TypeError):
        reciprocity.score(cfo)
    with pytest.raises(TypeError):
        reciprocity.benefit(cfo, cfo, cfo)


# ------------------------------------------------------------------- explain


def test_explain_says_what_each_side_gets():
    a = Profile({"python": {"level": 1, "want": 3}, "sql": {"want": 1}, "finance": {"level": 5}})
    b = Profile({"python": {"level": 5}, "sql": {"level": 2}, "finance": {"level": 1, "want": 2}})
    e = reciprocity.explain(a, b, mode="geometric")
    assert set(e) == {"mode", "score", "balance", "a_gets", "b_gets"}
    assert e["mode"] == "geometric"
    assert e["score"] == reciprocity.score(a, b, "geometric")
    assert e["a_gets"]["benefit"] == reciprocity.benefit(a, b)
    assert e["b_gets"]["benefit"] == reciprocity.benefit(b, a)
    lo, hi = sorted([e["a_gets"]["benefit"], e["b_gets"]["benefit"]])
    assert e["balance"] == pytest.approx(lo / hi)
    assert e["a_gets"]["topics"] == [
        {"topic": "python", "giver_level": 5.0, "receiver_level": 1.0, "want": 3.0, "weight": 0.75, "contribution": pytest.approx(0.6)},
        {"topic": "sql", "giver_level": 2.0, "receiver_level": 0.0, "want": 1.0, "weight": 0.25, "contribution": pytest.approx(0.1)},
    ]
    assert e["b_gets"]["topics"] == [
        {"topic": "finance", "giver_level": 5.0, "receiver_level": 1.0, "want": 2.0, "weight": 1.0, "contribution": pytest.approx(0.8)},
    ]


def test_explain_of_a_pair_with_no_gain():
    e = reciprocity.explain(Profile(), Profile({"go": {"level": 3}}))
    assert e == {
        "mode": "harmonic",
        "score": 0.0,
        "balance": 0.0,
        "a_gets": {"benefit": 0.0, "topics": []},
        "b_gets": {"benefit": 0.0, "topics": []},
    }


# ------------------------------------------------------------- best_partners


def people():
    return {
        7: Profile({"finance": {"level": 5}, "python": {"want": 1}}),
        3: Profile({"finance": {"level": 5}, "python": {"level": 1, "want": 1}}),
        9: Profile({"finance": {"level": 5}}),  # wants nothing: score 0, skipped
        4: Profile({"finance": {"level": 5}, "python": {"want": 1}}),  # ties with 7
    }


ME = Profile({"python": {"level": 4}, "finance": {"want": 1}})


def test_best_partners_order_ties_and_zero_scores():
    got = reciprocity.best_partners(ME, people(), 10)
    assert [i for i, _ in got] == [4, 7, 3]
    assert got[0][1] == got[1][1] == reciprocity.score(ME, people()[7])
    assert got[2][1] == reciprocity.score(ME, people()[3])
    assert reciprocity.best_partners(ME, people(), k=1) == [got[0]]
    assert reciprocity.best_partners(ME, people(), 2) == got[:2]
    assert all(isinstance(t, tuple) and len(t) == 2 for t in got)


def test_best_partners_with_str_ids_bytes_and_modes():
    cands = {f"e{i}": p.to_bytes() for i, p in people().items()}
    cands["e3"] = bytearray(cands["e3"])
    got = reciprocity.best_partners(ME.to_bytes(), cands, 3, mode="min")
    assert [i for i, _ in got] == ["e4", "e7", "e3"]
    assert got[2][1] == reciprocity.score(ME, people()[3], "min")


def test_best_partners_edge_cases():
    assert reciprocity.best_partners(ME, {}, 5) == []
    assert reciprocity.best_partners(ME, {1: ME}, 5) == []  # oneself: nothing to gain
    assert reciprocity.best_partners(ME, people(), 2**70) == reciprocity.best_partners(ME, people(), 10)


def test_best_partners_matches_a_full_sort():
    import random

    rnd = random.Random(7)
    topics = ["python", "finance", "go", "sql", "design", "sales"]
    cands = {}
    for i in range(300):
        spec = {t: {"level": rnd.choice([0, 1, 2, 3, 4, 5]), "want": rnd.choice([0, 0, 1, 2])} for t in rnd.sample(topics, 3)}
        cands[rnd.randrange(10**6)] = Profile(spec)
    me = Profile({"python": {"level": 5, "want": 0}, "finance": {"level": 1, "want": 2}, "go": {"level": 2, "want": 1}})
    scored = sorted(((-reciprocity.score(me, p), i) for i, p in cands.items()))
    expected = [(i, -s) for s, i in scored if s < 0][:20]
    assert reciprocity.best_partners(me, cands, 20) == expected


def test_best_partners_from_threads_agree():
    cands = {i: p for i, p in enumerate(people().values())}
    cands.update({100 + i: Profile({"finance": {"level": i % 6}, "python": {"want": 1 + i % 3}}) for i in range(2000)})
    expected = reciprocity.best_partners(ME, cands, 25)
    results = [None] * 4

    def run(slot):
        results[slot] = reciprocity.best_partners(ME, cands, 25)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


@pytest.mark.parametrize(
    "args, exc, message",
    [
        (("me", {}, 1), TypeError, "best_partners: argument 1 is not a reciprocity profile (it is str; make one with reciprocity.Profile or Profile.from_bytes)"),
        ((b"bad", {}, 1), ValueError, "best_partners: argument 1 is not a reciprocity profile: truncated: 3 bytes, a profile has at least 16"),
        ((ME, [ME], 1), TypeError, "best_partners: candidates must be a mapping of id -> Profile, not list"),
        ((ME, {}, 0), ValueError, "best_partners: k must be a positive integer"),
        ((ME, {}, -3), ValueError, "best_partners: k must be a positive integer"),
        ((ME, {}, -(2**70)), ValueError, "best_partners: k must be a positive integer"),
        ((ME, {}, 2.0), TypeError, "best_partners: k must be a positive integer, not float"),
        ((ME, {}, True), TypeError, "best_partners: k must be a positive integer, not bool"),
        ((ME, {}, None), TypeError, "best_partners: k must be a positive integer, not NoneType"),
        ((ME, {1: ME}, 1, "best"), ValueError, f"best_partners: unknown mode 'best' (valid modes: {MODE_LIST})"),
        ((ME, {1: ME}, 1, 2), TypeError, f"best_partners: mode must be str, not int (valid modes: {MODE_LIST})"),
        ((ME, {1: ME, 2: {"go": {"level": 1}}}, 1), TypeError, "best_partners: candidate 2 is not a reciprocity profile (it is dict; make one with reciprocity.Profile or Profile.from_bytes)"),
        ((ME, {"a": ME, "b": b"x" * 20}, 1), ValueError, "best_partners: candidate 'b' is not a reciprocity profile: bad magic bytes"),
        ((ME, {"a": ME, "b": bytearray(b"x" * 3)}, 1), ValueError, "best_partners: candidate 'b' is not a reciprocity profile: truncated: 3 bytes, a profile has at least 16"),
    ],
)
def test_best_partners_errors(args, exc, message):
    with raises(exc, message):
        reciprocity.best_partners(*args)


def test_best_partners_ids_must_be_comparable():
    with pytest.raises(TypeError, match=r"^best_partners: candidate ids must be comparable with each other \(all int or all str\): '<' not supported"):
        reciprocity.best_partners(ME, {1: ME, "two": ME}, 1)


# ------------------------------------------------------------------- version


def test_version_comes_from_the_version_file():
    import pathlib

    version = (pathlib.Path(__file__).resolve().parents[2] / "VERSION").read_text().strip()
    assert reciprocity.__version__ == version
    assert re.fullmatch(r"\d+\.\d+\.\d+", reciprocity.__version__)


def test_constants():
    assert reciprocity.MODES == ("harmonic", "geometric", "min", "mean", "uninorm")
    assert reciprocity.MAX_LEVEL == 5.0
    assert reciprocity.PROFILE_FORMAT_VERSION == 1


def test_an_uninitialised_profile_is_refused(cfo):
    blank = Profile.__new__(Profile)
    with raises(TypeError, "score: argument 1 is an uninitialised Profile"):
        reciprocity.score(blank, cfo)
    with raises(TypeError, "benefit: argument 2 is an uninitialised Profile"):
        reciprocity.benefit(cfo, blank)
    with raises(TypeError, "best_partners: argument 1 is an uninitialised Profile"):
        reciprocity.best_partners(blank, {1: cfo}, 1)


def test_python_style_argument_errors(cfo):
    with raises(TypeError, "score() missing required argument 'b' (pos 2)"):
        reciprocity.score(cfo)
    with raises(TypeError, "score() takes at most 3 positional arguments but 4 were given"):
        reciprocity.score(cfo, cfo, "min", 1)
    with raises(TypeError, "score() got multiple values for argument 'a'"):
        reciprocity.score(cfo, a=cfo)
    with raises(TypeError, "benefit() got an unexpected keyword argument 'x'"):
        reciprocity.benefit(cfo, cfo, x=1)
    with raises(TypeError, "benefit() takes exactly 2 positional arguments but 3 were given"):
        reciprocity.benefit(cfo, cfo, cfo)
