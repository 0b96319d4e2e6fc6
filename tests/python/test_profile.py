"""reciprocity.Profile: construction, bytes, dict/JSON forms, container
protocol, and every error message."""

import copy
import fractions
import decimal
import pickle
import re
import struct

import pytest

import reciprocity
from reciprocity import Profile


def raises(exc, message):
    """pytest.raises matching the whole message exactly."""
    return pytest.raises(exc, match="^" + re.escape(message) + "$")


# ------------------------------------------------------------------ building


def test_from_dict_in_the_sql_json_shape():
    p = Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    assert p.to_dict() == {"finance": {"level": 1.0, "want": 3.0}, "python": {"level": 4.0}}
    assert len(p) == 2
    assert p.topics == ("finance", "python")


def test_empty_profile():
    for p in (Profile(), Profile(None), Profile({})):
        assert len(p) == 0
        assert p.to_dict() == {}
        assert p == Profile()
        assert p.to_json() == "{}"
    assert len(Profile().to_bytes()) == 16


def test_names_are_canonical_and_duplicates_keep_the_max():
    p = Profile({"Python ": {"level": 2, "want": 5}, "\tPYTHON": {"level": 4, "want": 1}, "Café": {"level": 1}})
    assert p.to_dict() == {"café": {"level": 1.0}, "python": {"level": 4.0, "want": 5.0}}


def test_missing_or_none_fields_count_as_zero():
    p = Profile({"go": {}, "sql": {"level": None, "want": None}, "rust": {"want": 2}})
    assert p.to_dict() == {"go": {"level": 0.0}, "rust": {"level": 0.0, "want": 2.0}, "sql": {"level": 0.0}}


def test_other_real_numbers_and_mappings_are_accepted():
    from types import MappingProxyType

    p = Profile(MappingProxyType({"go": MappingProxyType({"level": fractions.Fraction(7, 2), "want": decimal.Decimal("0.5")})}))
    assert p.to_dict() == {"go": {"level": 3.5, "want": 0.5}}


def test_from_rows_merges_like_the_sql_aggregate():
    p = Profile.from_rows([("python", 4, None), ("finance", 1, 0), ("Finance", None, 3), (None, 5, 5)])
    assert p == Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    assert Profile.from_rows(iter([])) == Profile()
    assert Profile.from_rows([["go", 2.5, 1]]).to_dict() == {"go": {"level": 2.5, "want": 1.0}}


def test_from_json_matches_the_dict_form():
    text = '{"python": {"level": 4}, "finance": {"level": 1, "want": 3}}'
    assert Profile.from_json(text) == Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    assert Profile.from_json(text).to_json() == '{"finance":{"level":1,"want":3},"python":{"level":4}}'


# --------------------------------------------------------------------- bytes


def test_bytes_round_trip_and_layout():
    p = Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    b = p.to_bytes()
    assert isinstance(b, bytes) and bytes(p) == b
    magic, version, flags, n, names = struct.unpack_from("<4sHHII", b)
    assert (magic, version, flags, n, names) == (b"RcpP", reciprocity.PROFILE_FORMAT_VERSION, 0, 2, len("financepython"))
    assert len(b) == 16 + 2 * 28 + names
    assert Profile.from_bytes(b) == p
    assert Profile.from_bytes(bytearray(b)) == p
    assert Profile.from_bytes(memoryview(b)) == p
    assert Profile.from_bytes(memoryview(b"xx" + b)[2:]) == p
    assert Profile.from_bytes(p) == p


def test_pickle_and_copy():
    p = Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    for q in (pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p)):
        assert q == p and q is not p


# --------------------------------------------------------- container protocol


def test_container_protocol():
    p = Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    assert list(p) == ["finance", "python"]
    assert "PYTHON " in p and "go" not in p
    assert 3 not in p and None not in p and "" not in p and "\ud800" not in p and "a\0" not in p
    assert p.level("Python") == 4.0 and p.want("python") == 0.0
    assert p.level("finance") == 1.0 and p.want(" FINANCE") == 3.0
    assert p.level("go") == 0.0 and p.want("go") == 0.0


def test_equality_and_hash():
    a = Profile({"Python": {"level": 4}})
    b = Profile({"python": {"level": 4.0, "want": 0}})
    c = Profile({"python": {"level": 3}})
    assert a == b and not (a != b) and hash(a) == hash(b)
    assert a != c and not (a == c)
    assert a != a.to_bytes() and a != {"python": {"level": 4}}
    assert len({a, b, c}) == 2


def test_repr_is_an_expression_for_small_profiles():
    p = Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    assert repr(p) == "Profile({'finance': {'level': 1.0, 'want': 3.0}, 'python': {'level': 4.0}})"
    assert eval(repr(p), {"Profile": Profile}) == p
    assert repr(Profile()) == "Profile({})"


def test_repr_of_a_large_profile_says_how_much_is_left_out():
    p = Profile({f"t{i:02d}": {"level": 1} for i in range(25)})
    r = repr(p)
    assert r.startswith("<Profile {'t00': {'level': 1.0}, ") and r.endswith("(25 topics, 15 not shown)>")
    assert "'t09'" in r and "'t10'" not in r


# -------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "topics, exc, message",
    [
        ([("python", 4)], TypeError, 'Profile: a profile must be a mapping of topics like {"python": {"level": 4}}, not list'),
        ('{"python": {"level": 4}}', TypeError, 'Profile: a profile must be a mapping of topics like {"python": {"level": 4}}, not str'),
        ({3: {"level": 4}}, TypeError, "Profile: topic names must be str, not int"),
        ({"python": 4}, TypeError, 'Profile: topic \'python\' must map to an object like {"level": 3, "want": 1}, not int'),
        ({"python": None}, TypeError, 'Profile: topic \'python\' must map to an object like {"level": 3, "want": 1}, not NoneType'),
        ({"python": {"lvl": 4}}, ValueError, "Profile: topic 'python' has unknown field 'lvl' (expected \"level\" and \"want\")"),
        ({"python": {1: 4}}, ValueError, "Profile: topic 'python' has unknown field '1' (expected \"level\" and \"want\")"),
        ({"python": {"level": "4"}}, TypeError, "Profile: level for topic 'python' must be a number, not str"),
        ({"python": {"level": True}}, TypeError, "Profile: level for topic 'python' must be a number, not bool"),
        ({"python": {"want": [1]}}, TypeError, "Profile: want for topic 'python' must be a number, not list"),
        ({"python": {"level": 7}}, ValueError, "Profile: level 7 for topic 'python' is outside [0, 5]"),
        ({"python": {"level": -0.5}}, ValueError, "Profile: level -0.5 for topic 'python' is outside [0, 5]"),
        ({"python": {"level": float("nan")}}, ValueError, "Profile: level NaN for topic 'python' is not a finite number"),
        ({"python": {"level": float("inf")}}, ValueError, "Profile: level Infinity for topic 'python' is not a finite number"),
        ({"python": {"level": 10**400}}, ValueError, "Profile: level for topic 'python' is too large for a number"),
        ({"python": {"want": -1}}, ValueError, "Profile: want -1 for topic 'python' is negative"),
        ({"python": {"want": float("-inf")}}, ValueError, "Profile: want -Infinity for topic 'python' is not a finite number"),
        ({"a": {"want": 1e308}, "b": {"want": 1e308}}, ValueError, "Profile: wants add up to more than a double holds"),
        ({"  ": {"level": 1}}, ValueError, "Profile: topic name is empty"),
        ({"a\0b": {"level": 1}}, ValueError, "Profile: topic name 'a?b' contains a NUL byte"),
        ({"\ud800": {"level": 1}}, ValueError, "Profile: topic name is not valid UTF-8"),
        ({"x" * 1100: {"level": 1}}, ValueError, "Profile: topic name '" + "x" * 61 + "...' is longer than 1024 bytes (1100)"),
    ],
)
def test_profile_errors(topics, exc, message):
    with raises(exc, message):
        Profile(topics)


def test_long_topic_names_are_capped_in_messages():
    with raises(ValueError, "Profile: level 9 for topic '" + "y" * 61 + "...' is outside [0, 5]"):
        Profile({"y" * 100: {"level": 9}})


def _blob(n=1, names=b"go", version=1, flags=0, magic=b"RcpP", key=None, level=3.0, want=0.0, end=None):
    head = struct.pack("<4sHHII", magic, version, flags, n, len(names))
    key = key if key is not None else int.from_bytes(names[:8].ljust(8, b"\0"), "big")
    body = struct.pack("<Q", key) + struct.pack("<d", level) + struct.pack("<d", want) + struct.pack("<I", end if end is not None else len(names))
    return head + body + names


def test_blob_helper_makes_valid_profiles():
    assert Profile.from_bytes(_blob()) == Profile({"go": {"level": 3}})


@pytest.mark.parametrize(
    "data, message",
    [
        (b"nope", "truncated: 4 bytes, a profile has at least 16"),
        (b"XcpP" + bytes(12), "bad magic bytes"),
        (_blob(version=2), "unsupported format version 2 (this build reads version 1)"),
        (_blob(flags=1), "unknown flags 1"),
        (_blob() + b"!", "wrong length: 47 bytes, the header says 46"),
        (_blob()[:-1], "truncated: 45 bytes, the header says 46"),
        (_blob(key=1), "topic 0 has a wrong sort key"),
        (_blob(names=b"Go"), "topic 0 is not canonical: it has upper-case letters"),
        (_blob(level=6.0), "level 6 for topic 'go' is outside [0, 5]"),
        (_blob(want=-1.0), "want -1 for topic 'go' is not a finite number >= 0"),
        (_blob(end=3), "bad name offsets at topic 0"),
    ],
)
def test_from_bytes_errors(data, message):
    with raises(ValueError, "Profile.from_bytes: argument 1 is not a reciprocity profile: " + message):
        Profile.from_bytes(data)


@pytest.mark.parametrize("value, name", [("RcpP", "str"), (None, "NoneType"), (12, "int")])
def test_from_bytes_type_errors(value, name):
    with raises(TypeError, f"Profile.from_bytes: argument 1 is not a reciprocity profile (it is {name}; make one with reciprocity.Profile or Profile.from_bytes)"):
        Profile.from_bytes(value)


@pytest.mark.parametrize(
    "text, exc, message",
    [
        (b"{}", TypeError, "Profile.from_json: argument 1 must be JSON text (str), not bytes"),
        ('{"python": 4}', ValueError, 'Profile.from_json: topic \'python\' must map to an object like {"level": 3, "want": 1}, not a number'),
        ("[1]", ValueError, "Profile.from_json: a JSON profile must be an object of topics, not an array"),
        ('{"go": {"level": 9}}', ValueError, "Profile.from_json: level 9 for topic 'go' is outside [0, 5]"),
        ('{"go": {"level": "3"}}', ValueError, "Profile.from_json: level for topic 'go' must be a number, not a string"),
        ('{"go": {"rank": 3}}', ValueError, "Profile.from_json: topic 'go' has unknown field 'rank' (expected \"level\" and \"want\")"),
    ],
)
def test_from_json_errors(text, exc, message):
    with raises(exc, message):
        Profile.from_json(text)


def test_from_json_malformed_reports_the_byte_offset():
    with pytest.raises(ValueError, match=r"^Profile\.from_json: malformed JSON at byte \d+: "):
        Profile.from_json('{"go": ')


@pytest.mark.parametrize(
    "rows, exc, message",
    [
        ([3], TypeError, "Profile.from_rows: row 0 must be a (topic, level, want) sequence of 3 items, not int"),
        ([("go", 1)], TypeError, "Profile.from_rows: row 0 must be a (topic, level, want) sequence of 3 items, not tuple"),
        ([("go", 1, 0), "abc"], TypeError, "Profile.from_rows: row 1 must be a (topic, level, want) sequence of 3 items, not str"),
        ([(1, 1, 0)], TypeError, "Profile.from_rows: topic names must be str, not int"),
        ([("go", "x", 0)], TypeError, "Profile.from_rows: level for topic 'go' must be a number, not str"),
        ([("go", 1, -2)], ValueError, "Profile.from_rows: want -2 for topic 'go' is negative"),
        ([("", 1, 0)], ValueError, "Profile.from_rows: topic name is empty"),
    ],
)
def test_from_rows_errors(rows, exc, message):
    with raises(exc, message):
        Profile.from_rows(rows)


def test_from_rows_needs_an_iterable():
    with pytest.raises(TypeError):
        Profile.from_rows(5)


@pytest.mark.parametrize("method", ["level", "want"])
def test_topic_lookup_errors(method):
    p = Profile({"go": {"level": 1}})
    with raises(TypeError, f"Profile.{method}: topic must be str, not int"):
        getattr(p, method)(1)
    with raises(ValueError, f"Profile.{method}: topic name is empty"):
        getattr(p, method)(" ")
    with raises(ValueError, f"Profile.{method}: topic name 'a?' contains a NUL byte"):
        getattr(p, method)("a\0")


def test_bad_pickle_state():
    p = Profile.__new__(Profile)
    with raises(ValueError, "Profile: bad pickle state"):
        p.__setstate__(())
    q = Profile.__new__(Profile)
    with raises(ValueError, "Profile.__setstate__: argument 1 is not a reciprocity profile: truncated: 2 bytes, a profile has at least 16"):
        q.__setstate__((b"no",))
