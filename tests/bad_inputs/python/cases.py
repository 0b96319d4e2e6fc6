"""The Python face of the bad-input catalogue (issue 7), as data.

Each case is a call and what it must give: an exception of exactly one type
with exactly one message (``err``), or a result for an odd but valid input
(``ok``). Calls are lambdas, so a large input (a million topics, a 100 MB
JSON text) is built only while its case runs. ``test_bad_inputs.py`` runs
them all; every message names the function that refused the input and what
was wrong with it.

The ids are ``<function>.<problem>``; keep them unique and stable, since
docs/reliability.md counts the cases and ctest names failures by them.
"""

import array
import decimal
import fractions
import pickle
import sqlite3
from collections import namedtuple

import reciprocity
import reciprocity.sqlite
from reciprocity import Profile

Case = namedtuple("Case", "id call exc expected")
CASES = []


def err(case_id, call, exc, message):
    """`call()` raises exactly `exc` with str(exception) == message."""
    CASES.append(Case(case_id, call, exc, message))


def ok(case_id, call, expected):
    """`call()` returns something equal to `expected`."""
    CASES.append(Case(case_id, call, None, expected))


# ----------------------------------------------------------------- inputs

def go():
    return Profile({"go": {"level": 4}, "sql": {"want": 1}})


def sql():
    return Profile({"sql": {"level": 5}, "go": {"want": 1}})


def people():
    return {1: go(), 2: sql()}


def blank():
    """A Profile made with __new__ and never initialised."""
    return Profile.__new__(Profile)


class Sub(Profile):
    """A Python subclass of Profile."""


PAIRS = [(1, 2, 0.9), (2, 3, 1.0), (3, 4, 0.8)]
TOP = {1: [(2, 0.888888888888889)], 2: [(1, 0.888888888888889)]}
GO_BLOB_LEN = 77  # len(go().to_bytes())
MODES = "(valid modes: harmonic, geometric, min, mean, uninorm)"
OBJECTIVES = "(valid objectives: total, fair, stable)"
NOT_A_PROFILE = "make one with reciprocity.Profile or Profile.from_bytes)"
MAPPING = 'a profile must be a mapping of topics like {"python": {"level": 4}}, not'
SPEC = 'must map to an object like {"level": 3, "want": 1}, not'
FIELDS = '(expected "level" and "want")'
MB = 1 << 20


def raising(items, exc):
    """An iterator over `items` that raises `exc` after them."""
    yield from items
    raise exc


class ItemsNotPairs(dict):
    """A dict whose items() gives ints instead of (key, value) pairs."""

    def items(self):
        return [1, 2]


class BoolRaises:
    def __bool__(self):
        raise ValueError("no truth value")


def takes_nothing():
    return None


def patched(blob, offset, data):
    return blob[:offset] + data + blob[offset + len(data):]


def pickle_all_protocols(p):
    return [pickle.loads(pickle.dumps(p, proto)) == p for proto in range(pickle.HIGHEST_PROTOCOL + 1)]


def reinit(p, topics):
    p.__init__(topics)  # pybind11 ignores a second __init__: profiles stay immutable
    return p.to_dict()


def loaded_twice():
    conn = sqlite3.connect(":memory:")
    reciprocity.sqlite.load(conn)
    reciprocity.sqlite.load(conn)
    return conn.execute("SELECT reciprocity_version()").fetchone()[0]


def load_closed():
    conn = sqlite3.connect(":memory:")
    conn.close()
    reciprocity.sqlite.load(conn)


def load_extension_after_load():
    conn = sqlite3.connect(":memory:")
    reciprocity.sqlite.load(conn)
    conn.execute("SELECT load_extension('libm.so.6')")


def deep(open_, close, depth):
    return open_ * depth + close * depth


# ------------------------------------------------- Profile(topics) (a dict)

err("Profile.str_instead_of_dict", lambda: Profile("go"), TypeError, f"Profile: {MAPPING} str")
err("Profile.list_of_rows", lambda: Profile([("go", 1, 0)]), TypeError, f"Profile: {MAPPING} list")
err("Profile.bytes", lambda: Profile(b"{}"), TypeError, f"Profile: {MAPPING} bytes")
err("Profile.int", lambda: Profile(3), TypeError, f"Profile: {MAPPING} int")
err("Profile.int_key", lambda: Profile({1: {"level": 1}}), TypeError, "Profile: topic names must be str, not int")
err("Profile.bytes_key", lambda: Profile({b"go": {"level": 1}}), TypeError, "Profile: topic names must be str, not bytes")
err("Profile.none_key", lambda: Profile({None: {"level": 1}}), TypeError, "Profile: topic names must be str, not NoneType")
err("Profile.spec_int", lambda: Profile({"go": 3}), TypeError, f"Profile: topic 'go' {SPEC} int")
err("Profile.spec_none", lambda: Profile({"go": None}), TypeError, f"Profile: topic 'go' {SPEC} NoneType")
err("Profile.spec_list", lambda: Profile({"go": [3, 1]}), TypeError, f"Profile: topic 'go' {SPEC} list")
err("Profile.spec_str", lambda: Profile({"go": "level"}), TypeError, f"Profile: topic 'go' {SPEC} str")
err("Profile.field_int_key", lambda: Profile({"go": {1: 3}}), ValueError, f"Profile: topic 'go' has unknown field '1' {FIELDS}")
err("Profile.field_unknown", lambda: Profile({"go": {"lvl": 3}}), ValueError,
    f"Profile: topic 'go' has unknown field 'lvl' {FIELDS}")
err("Profile.field_capitalised", lambda: Profile({"go": {"Level": 3}}), ValueError,
    f"Profile: topic 'go' has unknown field 'Level' {FIELDS}")
err("Profile.field_nul", lambda: Profile({"go": {"le\0vel": 3}}), ValueError,
    f"Profile: topic 'go' has unknown field 'le?vel' {FIELDS}")
err("Profile.field_lone_surrogate", lambda: Profile({"go": {"\ud800": 3}}), ValueError,
    f"Profile: topic 'go' has unknown field '?' {FIELDS}")
err("Profile.field_long_utf8_cut_at_a_character", lambda: Profile({"go": {"é" * 40: 3}}), ValueError,
    f"Profile: topic 'go' has unknown field '{'é' * 30}...' {FIELDS}")
err("Profile.items_not_pairs", lambda: Profile(ItemsNotPairs(go={"level": 1})), TypeError,
    "Profile: items() of the profile mapping must give (topic, spec) pairs, not int")
err("Profile.spec_items_not_pairs", lambda: Profile({"go": ItemsNotPairs(level=1)}), TypeError,
    "Profile: items() of the mapping of topic 'go' must give (field, value) pairs, not int")
err("Profile.level_str", lambda: Profile({"go": {"level": "3"}}), TypeError,
    "Profile: level for topic 'go' must be a number, not str")
err("Profile.level_bool", lambda: Profile({"go": {"level": True}}), TypeError,
    "Profile: level for topic 'go' must be a number, not bool")
err("Profile.level_list", lambda: Profile({"go": {"level": [3]}}), TypeError,
    "Profile: level for topic 'go' must be a number, not list")
err("Profile.level_bytes", lambda: Profile({"go": {"level": b"3"}}), TypeError,
    "Profile: level for topic 'go' must be a number, not bytes")
err("Profile.level_complex", lambda: Profile({"go": {"level": 1j}}), TypeError,
    "Profile: level for topic 'go' must be a number, not complex")
err("Profile.level_nan", lambda: Profile({"go": {"level": float("nan")}}), ValueError,
    "Profile: level NaN for topic 'go' is not a finite number")
err("Profile.level_inf", lambda: Profile({"go": {"level": float("inf")}}), ValueError,
    "Profile: level Infinity for topic 'go' is not a finite number")
err("Profile.level_minus_inf", lambda: Profile({"go": {"level": float("-inf")}}), ValueError,
    "Profile: level -Infinity for topic 'go' is not a finite number")
err("Profile.level_negative", lambda: Profile({"go": {"level": -1}}), ValueError,
    "Profile: level -1 for topic 'go' is outside [0, 5]")
err("Profile.level_just_over_5", lambda: Profile({"go": {"level": 5.0000001}}), ValueError,
    "Profile: level 5.0000001 for topic 'go' is outside [0, 5]")
err("Profile.level_int_beyond_double", lambda: Profile({"go": {"level": 10**400}}), ValueError,
    "Profile: level for topic 'go' is too large for a number")
err("Profile.level_bad_type_topic_with_nul", lambda: Profile({"a\0b": {"level": "x"}}), TypeError,
    "Profile: level for topic 'a?b' must be a number, not str")
err("Profile.level_bad_type_long_utf8_topic", lambda: Profile({"é" * 40: {"level": "x"}}), TypeError,
    f"Profile: level for topic '{'é' * 30}...' must be a number, not str")
err("Profile.want_negative", lambda: Profile({"go": {"want": -1}}), ValueError,
    "Profile: want -1 for topic 'go' is negative")
err("Profile.want_nan", lambda: Profile({"go": {"want": float("nan")}}), ValueError,
    "Profile: want NaN for topic 'go' is not a finite number")
err("Profile.want_inf", lambda: Profile({"go": {"want": float("inf")}}), ValueError,
    "Profile: want Infinity for topic 'go' is not a finite number")
err("Profile.want_2_pow_1024", lambda: Profile({"go": {"want": 2**1024}}), ValueError,
    "Profile: want for topic 'go' is too large for a number")
err("Profile.wants_sum_overflows", lambda: Profile({"go": {"want": 1e308}, "sql": {"want": 1e308}}), ValueError,
    "Profile: wants add up to more than a double holds")
err("Profile.want_str", lambda: Profile({"go": {"want": "x"}}), TypeError,
    "Profile: want for topic 'go' must be a number, not str")
ok("Profile.want_1e308_alone", lambda: Profile({"go": {"want": 1e308}}).want("go"), 1e308)
ok("Profile.level_minus_zero_is_zero", lambda: Profile({"go": {"level": -0.0}}).to_bytes(), Profile({"go": {}}).to_bytes())
ok("Profile.none_fields_are_zero", lambda: Profile({"go": {"level": None, "want": None}}).to_dict(), {"go": {"level": 0.0}})
ok("Profile.fraction_and_decimal", lambda: Profile({"go": {"level": fractions.Fraction(7, 2), "want": decimal.Decimal("0.5")}}).to_dict(),
   {"go": {"level": 3.5, "want": 0.5}})
err("Profile.topic_empty", lambda: Profile({"": {"level": 1}}), ValueError, "Profile: topic name is empty")
err("Profile.topic_only_spaces", lambda: Profile({" \t ": {"level": 1}}), ValueError, "Profile: topic name is empty")
err("Profile.topic_nul", lambda: Profile({"a\0b": {"level": 1}}), ValueError, "Profile: topic name 'a?b' contains a NUL byte")
err("Profile.topic_lone_surrogate", lambda: Profile({"\ud800": {"level": 1}}), ValueError,
    "Profile: topic name is not valid UTF-8")
err("Profile.topic_1MB", lambda: Profile({"x" * MB: {"level": 1}}), ValueError,
    f"Profile: topic name '{'x' * 61}...' is longer than 1024 bytes (1048576)")
err("Profile.topic_1025_bytes", lambda: Profile({"x" * 1025: {"level": 1}}), ValueError,
    f"Profile: topic name '{'x' * 61}...' is longer than 1024 bytes (1025)")
ok("Profile.topic_1024_bytes", lambda: len(Profile({"x" * 1024: {"level": 1}}).topics[0]), 1024)
ok("Profile.topics_1e6_dict", lambda: len(Profile({f"t{i}": {"level": 1} for i in range(10**6)})), 10**6)
err("Profile.topics_over_the_limit", lambda: Profile({f"t{i}": {} for i in range(MB + 1)}), ValueError,
    "Profile: a profile holds at most 1048576 topics")
err("Profile.wrong_keyword", lambda: Profile(topic={}), TypeError,
    "__init__(): incompatible constructor arguments. The following argument types are supported:\n"
    "    1. reciprocity._core.Profile(topics: object = None)\n\nInvoked with: kwargs: topic={}")
err("Profile.two_positional", lambda: Profile({}, {}), TypeError,
    "__init__(): incompatible constructor arguments. The following argument types are supported:\n"
    "    1. reciprocity._core.Profile(topics: object = None)\n\nInvoked with: {}, {}")
ok("Profile.init_twice_is_ignored", lambda: reinit(go(), {"rust": {"level": 1}}),
   {"go": {"level": 4.0}, "sql": {"level": 0.0, "want": 1.0}})

# ---------------------------------------------- a Profile never initialised

err("Profile.uninitialised.len", lambda: len(blank()), TypeError, "Profile.__len__: self is an uninitialised Profile")
err("Profile.uninitialised.to_bytes", lambda: blank().to_bytes(), TypeError,
    "Profile.to_bytes: self is an uninitialised Profile")
err("Profile.uninitialised.to_dict", lambda: blank().to_dict(), TypeError,
    "Profile.to_dict: self is an uninitialised Profile")
err("Profile.uninitialised.level", lambda: blank().level("go"), TypeError,
    "Profile.level: self is an uninitialised Profile")
err("Profile.uninitialised.hash", lambda: hash(blank()), TypeError, "Profile.__hash__: self is an uninitialised Profile")
err("Profile.uninitialised.eq_other", lambda: go() == blank(), TypeError,
    "Profile.__eq__: other is an uninitialised Profile")
err("Profile.uninitialised.pickle", lambda: pickle.dumps(blank()), TypeError,
    "Profile.__getstate__: self is an uninitialised Profile")
ok("Profile.uninitialised.repr", lambda: repr(blank()), "<Profile (uninitialised)>")
err("Profile.uninitialised_subclass.score", lambda: reciprocity.score(Sub.__new__(Sub), go()), TypeError,
    "score: argument 1 is an uninitialised Profile")
err("Profile.unbound_method_on_int", lambda: Profile.to_bytes(3), TypeError,
    "Profile.to_bytes: self must be a reciprocity.Profile, not int")

# ---------------------------------------------------------- Profile.from_json

err("from_json.none", lambda: Profile.from_json(None), TypeError,
    "Profile.from_json: argument 1 must be JSON text (str), not NoneType")
err("from_json.bytes", lambda: Profile.from_json(b"{}"), TypeError,
    "Profile.from_json: argument 1 must be JSON text (str), not bytes")
err("from_json.dict", lambda: Profile.from_json({"go": {"level": 1}}), TypeError,
    "Profile.from_json: argument 1 must be JSON text (str), not dict")
err("from_json.empty", lambda: Profile.from_json(""), ValueError,
    "Profile.from_json: malformed JSON at byte 0: unexpected end of text")
err("from_json.array", lambda: Profile.from_json("[]"), ValueError,
    "Profile.from_json: a JSON profile must be an object of topics, not an array")
err("from_json.truncated", lambda: Profile.from_json('{"go": {"level": 3}'), ValueError,
    "Profile.from_json: malformed JSON at byte 19: expected ',' or '}'")
err("from_json.escaped_nul_in_topic", lambda: Profile.from_json('{"a\\u0000b": {"level": 3}}'), ValueError,
    "Profile.from_json: topic name 'a?b' contains a NUL byte")
err("from_json.raw_nul_after_the_value", lambda: Profile.from_json('{"go": {"level": 3}}\0'), ValueError,
    "Profile.from_json: malformed JSON at byte 20: unexpected text after the JSON value")
err("from_json.lone_surrogate_in_text", lambda: Profile.from_json('{"\ud800": {"level": 3}}'), ValueError,
    "Profile.from_json: text is not valid UTF-8 (it holds a lone surrogate)")
err("from_json.escaped_lone_surrogate", lambda: Profile.from_json('{"\\ud800": {"level": 3}}'), ValueError,
    "Profile.from_json: malformed JSON at byte 8: lone surrogate in \\u escape")
err("from_json.arrays_10000_deep", lambda: Profile.from_json(deep("[", "]", 10000)), ValueError,
    "Profile.from_json: malformed JSON at byte 65: nested deeper than 64 levels")
err("from_json.objects_10000_deep", lambda: Profile.from_json(deep('{"a":', "}", 10000)), ValueError,
    "Profile.from_json: malformed JSON at byte 325: nested deeper than 64 levels")
err("from_json.nan_literal", lambda: Profile.from_json('{"go": {"level": NaN}}'), ValueError,
    "Profile.from_json: malformed JSON at byte 17: unexpected character")
err("from_json.number_overflows", lambda: Profile.from_json('{"go": {"level": 1e999}}'), ValueError,
    "Profile.from_json: malformed JSON at byte 17: number out of range")
err("from_json.number_underflows", lambda: Profile.from_json('{"go": {"level": 1e-400}}'), ValueError,
    "Profile.from_json: malformed JSON at byte 17: number out of range")
err("from_json.level_true", lambda: Profile.from_json('{"go": {"level": true}}'), ValueError,
    "Profile.from_json: level for topic 'go' must be a number, not a boolean")
err("from_json.level_out_of_range", lambda: Profile.from_json('{"go": {"level": 7}}'), ValueError,
    "Profile.from_json: level 7 for topic 'go' is outside [0, 5]")
err("from_json.topic_maps_to_number", lambda: Profile.from_json('{"go": 4}'), ValueError,
    f"Profile.from_json: topic 'go' {SPEC} a number")
err("from_json.trailing_text", lambda: Profile.from_json("{} x"), ValueError,
    "Profile.from_json: malformed JSON at byte 3: unexpected text after the JSON value")
ok("from_json.duplicate_field_last_wins", lambda: Profile.from_json('{"go": {"level": 3, "level": 1}}').level("go"), 1.0)
ok("from_json.duplicate_topic_keeps_the_max",
   lambda: Profile.from_json('{"go": {"level": 3}, "GO ": {"level": 1, "want": 2}}').to_dict(),
   {"go": {"level": 3.0, "want": 2.0}})
err("from_json.wrong_keyword", lambda: Profile.from_json(txt="{}"), TypeError,
    "from_json(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (text: object) -> reciprocity._core.Profile\n\nInvoked with: kwargs: txt='{}'")
ok("from_json.topics_1e6", lambda: len(Profile.from_json(
    "{" + ",".join(f'"t{i}": {{"level": 1}}' for i in range(10**6)) + "}")), 10**6)
err("from_json.topics_over_the_limit", lambda: Profile.from_json(
    "{" + ",".join(f'"t{i}": {{}}' for i in range(MB + 1)) + "}"), ValueError,
    "Profile.from_json: a profile holds at most 1048576 topics")
err("from_json.100MB_topic_name", lambda: Profile.from_json('{"' + "x" * (100 * MB) + '": {"level": 1}}'), ValueError,
    f"Profile.from_json: topic name '{'x' * 61}...' is longer than 1024 bytes (104857600)")
err("from_json.100MB_unknown_field", lambda: Profile.from_json('{"go": {"pad": "' + "x" * (100 * MB) + '"}}'),
    ValueError, f"Profile.from_json: topic 'go' has unknown field 'pad' {FIELDS}")
err("from_json.100MB_array_of_zeros", lambda: Profile.from_json("[" + "0," * (50 * MB) + "0]"), ValueError,
    "Profile.from_json: JSON text has more than 3145729 values, more than a profile of at most 1048576 topics can have")
err("from_json.100MB_deep", lambda: Profile.from_json(deep("[", "]", 50 * MB)), ValueError,
    "Profile.from_json: malformed JSON at byte 65: nested deeper than 64 levels")
ok("from_json.100MB_whitespace", lambda: Profile.from_json(" " * (100 * MB) + "{}"), Profile())

# --------------------------------------------------------- Profile.from_bytes

err("from_bytes.none", lambda: Profile.from_bytes(None), TypeError,
    f"Profile.from_bytes: argument 1 is not a reciprocity profile (it is NoneType; {NOT_A_PROFILE}")
err("from_bytes.str", lambda: Profile.from_bytes("RcpP"), TypeError,
    f"Profile.from_bytes: argument 1 is not a reciprocity profile (it is str; {NOT_A_PROFILE}")
err("from_bytes.array", lambda: Profile.from_bytes(array.array("B", go().to_bytes())), TypeError,
    f"Profile.from_bytes: argument 1 is not a reciprocity profile (it is array; {NOT_A_PROFILE}")
err("from_bytes.empty", lambda: Profile.from_bytes(b""), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16")
err("from_bytes.one_byte_short", lambda: Profile.from_bytes(go().to_bytes()[:-1]), ValueError,
    f"Profile.from_bytes: argument 1 is not a reciprocity profile: truncated: {GO_BLOB_LEN - 1} bytes, the header says {GO_BLOB_LEN}")
err("from_bytes.one_byte_extra", lambda: Profile.from_bytes(go().to_bytes() + b"\0"), ValueError,
    f"Profile.from_bytes: argument 1 is not a reciprocity profile: wrong length: {GO_BLOB_LEN + 1} bytes, the header says {GO_BLOB_LEN}")
err("from_bytes.bad_magic", lambda: Profile.from_bytes(patched(go().to_bytes(), 0, b"X")), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: bad magic bytes")
err("from_bytes.future_version", lambda: Profile.from_bytes(patched(go().to_bytes(), 4, b"\x09\x00")), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: unsupported format version 9 (this build reads version 1)")
err("from_bytes.unknown_flags", lambda: Profile.from_bytes(patched(go().to_bytes(), 6, b"\x01\x00")), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: unknown flags 1")
err("from_bytes.huge_topic_count", lambda: Profile.from_bytes(patched(go().to_bytes(), 8, b"\xff\xff\xff\xff")), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: topic count 4294967295 is over the limit of 1048576")
err("from_bytes.short_bytearray", lambda: Profile.from_bytes(bytearray(b"xx")), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: truncated: 2 bytes, a profile has at least 16")
err("from_bytes.short_memoryview", lambda: Profile.from_bytes(memoryview(b"xx")), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: truncated: 2 bytes, a profile has at least 16")
err("from_bytes.strided_memoryview", lambda: Profile.from_bytes(memoryview(go().to_bytes() * 2)[::2]), ValueError,
    "Profile.from_bytes: argument 1 is not a reciprocity profile: bad magic bytes")
ok("from_bytes.bytearray", lambda: Profile.from_bytes(bytearray(go().to_bytes())), go())
err("from_bytes.uninitialised_profile", lambda: Profile.from_bytes(blank()), TypeError,
    "Profile.from_bytes: argument 1 is an uninitialised Profile")
err("from_bytes.wrong_keyword", lambda: Profile.from_bytes(blob=b""), TypeError,
    "from_bytes(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (data: object) -> reciprocity._core.Profile\n\nInvoked with: kwargs: blob=b''")

# ---------------------------------------------------------- Profile.from_rows

err("from_rows.none", lambda: Profile.from_rows(None), TypeError,
    "Profile.from_rows: rows must be an iterable of (topic, level, want) rows, not NoneType")
err("from_rows.int", lambda: Profile.from_rows(5), TypeError,
    "Profile.from_rows: rows must be an iterable of (topic, level, want) rows, not int")
err("from_rows.str", lambda: Profile.from_rows("abc"), TypeError,
    "Profile.from_rows: row 0 must be a (topic, level, want) sequence of 3 items, not str")
err("from_rows.row_of_two", lambda: Profile.from_rows([("go", 1)]), TypeError,
    "Profile.from_rows: row 0 must be a (topic, level, want) sequence of 3 items, not tuple")
err("from_rows.row_of_four", lambda: Profile.from_rows([("go", 1, 0), ["go", 1, 0, 0]]), TypeError,
    "Profile.from_rows: row 1 must be a (topic, level, want) sequence of 3 items, not list")
err("from_rows.level_nan", lambda: Profile.from_rows([("go", float("nan"), 0)]), ValueError,
    "Profile.from_rows: level NaN for topic 'go' is not a finite number")
err("from_rows.topic_int", lambda: Profile.from_rows([(1, 1, 0)]), TypeError,
    "Profile.from_rows: topic names must be str, not int")
err("from_rows.iterable_raises_midway", lambda: Profile.from_rows(raising([("go", 1, 0)], KeyError("db gone"))),
    KeyError, "'db gone'")
ok("from_rows.none_topic_skipped", lambda: Profile.from_rows([(None, 5, 5), ("go", None, None)]).to_dict(),
   {"go": {"level": 0.0}})

# ------------------------------------------------------- Profile.level / want

err("Profile.level.int", lambda: go().level(1), TypeError, "Profile.level: topic must be str, not int")
err("Profile.level.none", lambda: go().level(None), TypeError, "Profile.level: topic must be str, not NoneType")
err("Profile.level.empty", lambda: go().level(""), ValueError, "Profile.level: topic name is empty")
err("Profile.level.nul", lambda: go().level("a\0"), ValueError, "Profile.level: topic name 'a?' contains a NUL byte")
err("Profile.level.lone_surrogate", lambda: go().level("\ud800"), ValueError,
    "Profile.level: topic name is not valid UTF-8")
err("Profile.level.1MB", lambda: go().level("x" * MB), ValueError,
    f"Profile.level: topic name '{'x' * 61}...' is longer than 1024 bytes (1048576)")
err("Profile.want.bytes", lambda: go().want(b"go"), TypeError, "Profile.want: topic must be str, not bytes")
err("Profile.level.wrong_keyword", lambda: go().level(name="go"), TypeError,
    "level(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (self: object, topic: object) -> float\n\n"
    "Invoked with: Profile({'go': {'level': 4.0}, 'sql': {'level': 0.0, 'want': 1.0}}); kwargs: name='go'")
ok("Profile.contains.lone_surrogate", lambda: "\ud800" in go(), False)
ok("Profile.contains.none", lambda: None in go(), False)

# ------------------------------------------------- score / benefit / explain

err("score.str", lambda: reciprocity.score("go", sql()), TypeError,
    f"score: argument 1 is not a reciprocity profile (it is str; {NOT_A_PROFILE}")
err("score.none", lambda: reciprocity.score(None, sql()), TypeError,
    f"score: argument 1 is not a reciprocity profile (it is NoneType; {NOT_A_PROFILE}")
err("score.dict", lambda: reciprocity.score({"go": {"level": 1}}, sql()), TypeError,
    f"score: argument 1 is not a reciprocity profile (it is dict; {NOT_A_PROFILE}")
err("score.int_second", lambda: reciprocity.score(go(), 3), TypeError,
    f"score: argument 2 is not a reciprocity profile (it is int; {NOT_A_PROFILE}")
err("score.empty_bytes", lambda: reciprocity.score(b"", sql()), ValueError,
    "score: argument 1 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16")
err("score.corrupted_memoryview", lambda: reciprocity.score(go(), memoryview(patched(sql().to_bytes(), 0, b"Z"))),
    ValueError, "score: argument 2 is not a reciprocity profile: bad magic bytes")
err("score.mode_unknown", lambda: reciprocity.score(go(), sql(), "x"), ValueError, f"score: unknown mode 'x' {MODES}")
err("score.mode_empty", lambda: reciprocity.score(go(), sql(), ""), ValueError, f"score: unknown mode '' {MODES}")
err("score.mode_int", lambda: reciprocity.score(go(), sql(), 1), TypeError, f"score: mode must be str, not int {MODES}")
err("score.mode_bytes", lambda: reciprocity.score(go(), sql(), b"min"), TypeError,
    f"score: mode must be str, not bytes {MODES}")
err("score.mode_nul", lambda: reciprocity.score(go(), sql(), "min\0"), ValueError, f"score: unknown mode 'min?' {MODES}")
err("score.mode_lone_surrogate", lambda: reciprocity.score(go(), sql(), "\ud800"), ValueError,
    f"score: unknown mode '?' {MODES}")
err("score.mode_1MB", lambda: reciprocity.score(go(), sql(), "x" * MB), ValueError,
    f"score: unknown mode '{'x' * 64}' {MODES}")
ok("score.mode_case_and_spaces", lambda: reciprocity.score(go(), sql(), " MIN "), reciprocity.score(go(), sql(), "min"))
ok("score.mode_none_is_default", lambda: reciprocity.score(go(), sql(), None), reciprocity.score(go(), sql()))
err("score.wrong_keyword", lambda: reciprocity.score(go(), sql(), modee="min"), TypeError,
    "score() got an unexpected keyword argument 'modee'")
err("score.keyword_twice", lambda: reciprocity.score(go(), sql(), a=go()), TypeError,
    "score() got multiple values for argument 'a'")
err("score.four_positional", lambda: reciprocity.score(go(), sql(), "min", 1), TypeError,
    "score() takes at most 3 positional arguments but 4 were given")
err("score.one_argument", lambda: reciprocity.score(go()), TypeError, "score() missing required argument 'b' (pos 2)")
err("score.uninitialised", lambda: reciprocity.score(blank(), sql()), TypeError,
    "score: argument 1 is an uninitialised Profile")
err("benefit.three_positional", lambda: reciprocity.benefit(go(), sql(), "min"), TypeError,
    "benefit() takes exactly 2 positional arguments but 3 were given")
err("benefit.mode_keyword", lambda: reciprocity.benefit(go(), giver=sql(), mode="min"), TypeError,
    "benefit() got an unexpected keyword argument 'mode'")
err("benefit.none", lambda: reciprocity.benefit(go(), None), TypeError,
    f"benefit: argument 2 is not a reciprocity profile (it is NoneType; {NOT_A_PROFILE}")
err("benefit.truncated_bytes", lambda: reciprocity.benefit(go().to_bytes()[:20], sql()), ValueError,
    f"benefit: argument 1 is not a reciprocity profile: truncated: 20 bytes, the header says {GO_BLOB_LEN}")
ok("benefit.bytearray", lambda: reciprocity.benefit(bytearray(sql().to_bytes()), go()), reciprocity.benefit(sql(), go()))
err("explain.mode_unknown", lambda: reciprocity.explain(go(), sql(), "y"), ValueError, f"explain: unknown mode 'y' {MODES}")
err("explain.str", lambda: reciprocity.explain(go(), "sql"), TypeError,
    f"explain: argument 2 is not a reciprocity profile (it is str; {NOT_A_PROFILE}")
err("explain.uninitialised", lambda: reciprocity.explain(go(), blank()), TypeError,
    "explain: argument 2 is an uninitialised Profile")
err("explain.wrong_keyword", lambda: reciprocity.explain(Profile(), Profile(), how="min"), TypeError,
    "explain(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (a: object, b: object, mode: object = 'harmonic') -> dict\n\n"
    "Invoked with: Profile({}), Profile({}); kwargs: how='min'")

# ------------------------------------------------------------- best_partners

err("best_partners.me_str", lambda: reciprocity.best_partners("go", people(), 1), TypeError,
    f"best_partners: argument 1 is not a reciprocity profile (it is str; {NOT_A_PROFILE}")
err("best_partners.candidates_list", lambda: reciprocity.best_partners(go(), [go(), sql()], 1), TypeError,
    "best_partners: candidates must be a mapping of id -> Profile, not list")
err("best_partners.candidates_none", lambda: reciprocity.best_partners(go(), None, 1), TypeError,
    "best_partners: candidates must be a mapping of id -> Profile, not NoneType")
err("best_partners.candidate_dict", lambda: reciprocity.best_partners(go(), {7: {"go": {"level": 1}}}, 1), TypeError,
    f"best_partners: candidate 7 is not a reciprocity profile (it is dict; {NOT_A_PROFILE}")
err("best_partners.candidate_bad_bytes", lambda: reciprocity.best_partners(go(), {"ana": b"xx"}, 1), ValueError,
    "best_partners: candidate 'ana' is not a reciprocity profile: truncated: 2 bytes, a profile has at least 16")
err("best_partners.candidate_uninitialised", lambda: reciprocity.best_partners(go(), {"x": blank()}, 1), TypeError,
    "best_partners: candidate 'x' is an uninitialised Profile")
err("best_partners.mixed_ids", lambda: reciprocity.best_partners(go(), {1: sql(), "x": sql()}, 1), TypeError,
    "best_partners: candidate ids must be comparable with each other (all int or all str): "
    "'<' not supported between instances of 'str' and 'int'")
err("best_partners.k_0", lambda: reciprocity.best_partners(go(), people(), 0), ValueError,
    "best_partners: k must be a positive integer")
err("best_partners.k_negative", lambda: reciprocity.best_partners(go(), people(), -1), ValueError,
    "best_partners: k must be a positive integer")
err("best_partners.k_minus_2_pow_64", lambda: reciprocity.best_partners(go(), people(), -2**64), ValueError,
    "best_partners: k must be a positive integer")
ok("best_partners.k_2_pow_63", lambda: reciprocity.best_partners(go(), people(), 2**63), [(2, 0.888888888888889)])
ok("best_partners.k_2_pow_64", lambda: reciprocity.best_partners(go(), people(), 2**64), [(2, 0.888888888888889)])
err("best_partners.k_float", lambda: reciprocity.best_partners(go(), people(), 1.0), TypeError,
    "best_partners: k must be a positive integer, not float")
err("best_partners.k_bool", lambda: reciprocity.best_partners(go(), people(), True), TypeError,
    "best_partners: k must be a positive integer, not bool")
err("best_partners.k_none", lambda: reciprocity.best_partners(go(), people(), None), TypeError,
    "best_partners: k must be a positive integer, not NoneType")
err("best_partners.mode_unknown", lambda: reciprocity.best_partners(go(), people(), 1, "zz"), ValueError,
    f"best_partners: unknown mode 'zz' {MODES}")
ok("best_partners.no_candidates", lambda: reciprocity.best_partners(go(), {}, 3), [])
err("best_partners.wrong_keyword", lambda: reciprocity.best_partners(Profile(), {}, n=1), TypeError,
    "best_partners(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (me: handle, candidates: handle, k: handle, mode: handle = 'harmonic') -> list\n\n"
    "Invoked with: Profile({}), {}; kwargs: n=1")

# -------------------------------------------------------------- top_partners

err("top_partners.profiles_list", lambda: reciprocity.top_partners([go(), sql()], 1), TypeError,
    "top_partners: profiles must be a mapping of id -> Profile, not list")
err("top_partners.profiles_none", lambda: reciprocity.top_partners(None, 1), TypeError,
    "top_partners: profiles must be a mapping of id -> Profile, not NoneType")
err("top_partners.profile_none", lambda: reciprocity.top_partners({1: None}, 1), TypeError,
    f"top_partners: profile of id 1 is not a reciprocity profile (it is NoneType; {NOT_A_PROFILE}")
err("top_partners.profile_uninitialised", lambda: reciprocity.top_partners({1: go(), 2: blank()}, 1), TypeError,
    "top_partners: profile of id 2 is an uninitialised Profile")
err("top_partners.profile_truncated_bytes", lambda: reciprocity.top_partners({1: go(), 2: sql().to_bytes()[:-3]}, 1),
    ValueError, "top_partners: profile of id 2 is not a reciprocity profile: truncated: 74 bytes, the header says 77")
err("top_partners.mixed_ids", lambda: reciprocity.top_partners({1: go(), "2": sql()}, 1), TypeError,
    "top_partners: ids must be comparable with each other (all int or all str): "
    "'<' not supported between instances of 'str' and 'int'")
ok("top_partners.equal_ids_are_one_person", lambda: reciprocity.top_partners(dict([(1, go()), (1.0, sql())]), 1), {1: []})
ok("top_partners.ids_beyond_int64", lambda: reciprocity.top_partners({2**100: go(), -2**100: sql()}, 1),
   {2**100: [(-2**100, 0.888888888888889)], -2**100: [(2**100, 0.888888888888889)]})
err("top_partners.k_0", lambda: reciprocity.top_partners(people(), 0), ValueError, "top_partners: k must be a positive integer")
err("top_partners.k_negative", lambda: reciprocity.top_partners(people(), -1), ValueError,
    "top_partners: k must be a positive integer")
ok("top_partners.k_2_pow_63", lambda: reciprocity.top_partners(people(), 2**63), TOP)
ok("top_partners.k_2_pow_64", lambda: reciprocity.top_partners(people(), 2**64), TOP)
err("top_partners.k_float", lambda: reciprocity.top_partners(people(), 1.5), TypeError,
    "top_partners: k must be a positive integer, not float")
err("top_partners.k_bool", lambda: reciprocity.top_partners(people(), True), TypeError,
    "top_partners: k must be a positive integer, not bool")
THREADS = "top_partners: threads must be an integer from 0 to 1024 (0: one per core)"
err("top_partners.threads_negative", lambda: reciprocity.top_partners(people(), 1, threads=-1), ValueError, THREADS)
err("top_partners.threads_1025", lambda: reciprocity.top_partners(people(), 1, threads=1025), ValueError, THREADS)
err("top_partners.threads_2_pow_64", lambda: reciprocity.top_partners(people(), 1, threads=2**64), ValueError, THREADS)
err("top_partners.threads_float", lambda: reciprocity.top_partners(people(), 1, threads=2.0), TypeError,
    THREADS + ", not float")
err("top_partners.threads_none", lambda: reciprocity.top_partners(people(), 1, threads=None), TypeError,
    THREADS + ", not NoneType")
err("top_partners.threads_bool", lambda: reciprocity.top_partners(people(), 1, threads=False), TypeError,
    THREADS + ", not bool")
ok("top_partners.threads_1024", lambda: reciprocity.top_partners(people(), 1, threads=1024), TOP)
err("top_partners.progress_not_callable", lambda: reciprocity.top_partners(people(), 1, progress=3), TypeError,
    "top_partners: progress must be a callable progress(done, total) or None, not int")
err("top_partners.progress_raises", lambda: reciprocity.top_partners(people(), 1, progress=lambda d, t: 1 / 0),
    ZeroDivisionError, "division by zero")
err("top_partners.progress_wrong_arity", lambda: reciprocity.top_partners(people(), 1, progress=takes_nothing),
    TypeError, "takes_nothing() takes 0 positional arguments but 2 were given")
err("top_partners.progress_returns_false", lambda: reciprocity.top_partners(people(), 1, progress=lambda d, t: False),
    reciprocity.Cancelled, "top_partners: cancelled by the progress callback")
ok("top_partners.progress_returns_0", lambda: reciprocity.top_partners(people(), 1, progress=lambda d, t: 0), TOP)
ok("top_partners.progress_returns_str", lambda: reciprocity.top_partners(people(), 1, progress=lambda d, t: "no"), TOP)
ok("top_partners.progress_returns_unbooleanable",
   lambda: reciprocity.top_partners(people(), 1, progress=lambda d, t: BoolRaises()), TOP)
err("top_partners.exclude_int", lambda: reciprocity.top_partners(people(), 1, exclude=3), TypeError,
    "top_partners: exclude must be an iterable of (a, b) id pairs, not int")
err("top_partners.exclude_str", lambda: reciprocity.top_partners(people(), 1, exclude="12"), TypeError,
    "top_partners: exclude item 0 must be an (a, b) pair of ids, not str")
err("top_partners.exclude_triple", lambda: reciprocity.top_partners(people(), 1, exclude=[(1, 2), (1, 2, 3)]), TypeError,
    "top_partners: exclude item 1 must be an (a, b) pair of ids, not tuple")
err("top_partners.exclude_set", lambda: reciprocity.top_partners(people(), 1, exclude=[{1, 2}]), TypeError,
    "top_partners: exclude item 0 must be an (a, b) pair of ids, not set")
err("top_partners.exclude_unhashable_id", lambda: reciprocity.top_partners(people(), 1, exclude=[([1], 2)]), TypeError,
    "top_partners: exclude item 0 holds an id that cannot be a key (list)")
err("top_partners.exclude_raises_midway",
    lambda: reciprocity.top_partners(people(), 1, exclude=raising([(1, 2)], KeyError("midway"))), KeyError, "'midway'")
ok("top_partners.exclude_unknown_id_ignored", lambda: reciprocity.top_partners(people(), 1, exclude=[(1, 99)]), TOP)
ok("top_partners.exclude_self_pair_ignored", lambda: reciprocity.top_partners(people(), 1, exclude=[(1, 1)]), TOP)
ok("top_partners.exclude_duplicates", lambda: reciprocity.top_partners(people(), 1, exclude=[(1, 2), (2, 1), [1, 2]]),
   {1: [], 2: []})
err("top_partners.mode_unknown", lambda: reciprocity.top_partners(people(), 1, mode="Z"), ValueError,
    f"top_partners: unknown mode 'Z' {MODES}")
err("top_partners.mode_lone_surrogate", lambda: reciprocity.top_partners(people(), 1, mode="\udfff"), ValueError,
    f"top_partners: unknown mode '?' {MODES}")
err("top_partners.wrong_keyword", lambda: reciprocity.top_partners({}, 1, thread=1), TypeError,
    "top_partners(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (profiles: handle, k: handle, exclude: handle = None, threads: handle = 0, progress: handle = None, "
    "mode: handle = 'harmonic') -> dict\n\nInvoked with: {}, 1; kwargs: thread=1")

# ---------------------------------------------------------------------- match

PAIRS_SHAPE = "(a, b, score) or (a, b, score, a_gain, b_gain)"
err("match.pairs_none", lambda: reciprocity.match(None), TypeError,
    f"match: pairs must be an iterable of {PAIRS_SHAPE} tuples, not NoneType")
err("match.pairs_int", lambda: reciprocity.match(3), TypeError,
    f"match: pairs must be an iterable of {PAIRS_SHAPE} tuples, not int")
err("match.pairs_str", lambda: reciprocity.match("123"), TypeError,
    f"match: pairs must be an iterable of {PAIRS_SHAPE} tuples, not str")
ok("match.pairs_empty", lambda: reciprocity.match([]).pairs, [])
err("match.item_int", lambda: reciprocity.match([1]), TypeError, f"match: pairs item 0 must be a tuple {PAIRS_SHAPE}, not int")
err("match.item_set", lambda: reciprocity.match([(1, 2, 0.5), {1, 2, 3}]), TypeError,
    f"match: pairs item 1 must be a tuple {PAIRS_SHAPE}, not set")
err("match.item_of_two", lambda: reciprocity.match([(1, 2)]), ValueError,
    f"match: pairs item 0 has 2 values; it must be a tuple {PAIRS_SHAPE}")
err("match.item_of_four", lambda: reciprocity.match([(1, 2, 0.5, 1)]), ValueError,
    f"match: pairs item 0 has 4 values; it must be a tuple {PAIRS_SHAPE}")
err("match.gains_for_some", lambda: reciprocity.match([(1, 2, 0.5), (2, 3, 0.5, 1, 1)]), ValueError,
    "match: pairs item 1 has 5 values but item 0 has 3 (give the gains for every pair or for none)")
err("match.id_str", lambda: reciprocity.match([("1", 2, 0.5)]), TypeError, "match: pairs item 0: a must be an int id, not str")
err("match.id_float", lambda: reciprocity.match([(1, 2.0, 0.5)]), TypeError,
    "match: pairs item 0: b must be an int id, not float")
err("match.id_bool", lambda: reciprocity.match([(True, 2, 0.5)]), TypeError,
    "match: pairs item 0: a must be an int id, not bool")
err("match.id_2_pow_63", lambda: reciprocity.match([(2**63, 2, 0.5)]), ValueError,
    "match: pairs item 0: a does not fit in a 64-bit integer")
err("match.id_below_int64", lambda: reciprocity.match([(1, -2**63 - 1, 0.5)]), ValueError,
    "match: pairs item 0: b does not fit in a 64-bit integer")
err("match.id_2_pow_64", lambda: reciprocity.match([(2**64, 2, 0.5)]), ValueError,
    "match: pairs item 0: a does not fit in a 64-bit integer")
ok("match.id_int64_extremes", lambda: reciprocity.match([(2**63 - 1, -2**63, 0.5)]).pairs, [(-2**63, 2**63 - 1, 0.5)])
err("match.score_str", lambda: reciprocity.match([(1, 2, "0.5")]), TypeError,
    "match: pairs item 0: score must be a number, not str")
err("match.score_none", lambda: reciprocity.match([(1, 2, None)]), TypeError,
    "match: pairs item 0: score must be a number, not NoneType")
err("match.score_bool", lambda: reciprocity.match([(1, 2, True)]), TypeError,
    "match: pairs item 0: score must be a number, not bool")
err("match.score_fraction", lambda: reciprocity.match([(1, 2, fractions.Fraction(1, 2))]), TypeError,
    "match: pairs item 0: score must be a number, not Fraction")
err("match.score_nan", lambda: reciprocity.match([(1, 2, float("nan"))]), ValueError,
    "match: candidate pair (1, 2) has score NaN; scores must be finite numbers >= 0")
err("match.score_inf", lambda: reciprocity.match([(1, 2, float("inf"))]), ValueError,
    "match: candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0")
err("match.score_negative", lambda: reciprocity.match([(1, 2, -1)]), ValueError,
    "match: candidate pair (1, 2) has score -1; scores must be finite numbers >= 0")
err("match.score_over_4096", lambda: reciprocity.match([(1, 2, 4097)]), ValueError,
    "match: candidate pair (1, 2) has score 4097, over the largest score a matching takes (4096)")
err("match.score_int_beyond_double", lambda: reciprocity.match([(1, 2, 10**400)]), ValueError,
    "match: pairs item 0: score is too large for a float")
ok("match.score_minus_zero", lambda: reciprocity.match([(1, 2, -0.0)]).pairs, [])
err("match.gain_nan", lambda: reciprocity.match([(1, 2, 0.5, float("nan"), 0.1)]), ValueError,
    "match: candidate pair (1, 2) has a_gain NaN; gains must be finite numbers >= 0")
err("match.gain_negative", lambda: reciprocity.match([(1, 2, 0.5, 0.1, -1)]), ValueError,
    "match: candidate pair (1, 2) has b_gain -1; gains must be finite numbers >= 0")
err("match.gain_str", lambda: reciprocity.match([(1, 2, 0.5, "x", 0.1)]), TypeError,
    "match: pairs item 0: a_gain must be a number, not str")
err("match.self_pair", lambda: reciprocity.match([(1, 2, 0.5), (3, 3, 0.5)]), ValueError,
    "match: candidate pair (3, 3) is a self-pair")
ok("match.duplicate_pair_same_score", lambda: reciprocity.match([(1, 2, 0.5), (2, 1, 0.5)]).pairs, [(1, 2, 0.5)])
err("match.duplicate_pair_different_scores", lambda: reciprocity.match([(1, 2, 0.5), (1, 2, 0.7)]), ValueError,
    "match: candidate pair (1, 2) is given twice with different scores (0.5 and 0.7)")
err("match.reversed_pair_different_scores", lambda: reciprocity.match([(1, 2, 0.5), (2, 1, 0.7)]), ValueError,
    "match: candidate pair (1, 2) is given twice with different scores (0.5 and 0.7)")
err("match.pairs_raise_midway", lambda: reciprocity.match(raising([(1, 2, 0.5)], KeyError("midway"))), KeyError,
    "'midway'")
err("match.objective_unknown", lambda: reciprocity.match(PAIRS, "best"), ValueError,
    f"match: unknown objective 'best' {OBJECTIVES}")
err("match.objective_empty", lambda: reciprocity.match(PAIRS, ""), ValueError, f"match: unknown objective '' {OBJECTIVES}")
err("match.objective_upper_case", lambda: reciprocity.match(PAIRS, "TOTAL"), ValueError,
    f"match: unknown objective 'TOTAL' {OBJECTIVES}")
err("match.objective_int", lambda: reciprocity.match(PAIRS, 1), TypeError,
    "match: objective must be 'total', 'fair' or 'stable', not int")
err("match.objective_nul", lambda: reciprocity.match(PAIRS, "total\0"), ValueError,
    f"match: unknown objective 'total?' {OBJECTIVES}")
err("match.objective_lone_surrogate", lambda: reciprocity.match(PAIRS, "\ud800"), ValueError,
    f"match: unknown objective '?' {OBJECTIVES}")
err("match.objective_long_utf8_cut_at_a_character", lambda: reciprocity.match(PAIRS, "a" + "é" * 30), ValueError,
    f"match: unknown objective 'a{'é' * 19}...' {OBJECTIVES}")
ok("match.objective_none_is_total", lambda: reciprocity.match(PAIRS, None).objective, "total")
err("match.mentors_list", lambda: reciprocity.match(PAIRS, mentors=[1]), TypeError,
    "match: mentors must be a mapping of mentor id -> capacity, or None, not list")
err("match.mentors_items_not_pairs", lambda: reciprocity.match(PAIRS, mentors=ItemsNotPairs({1: 1})), TypeError,
    "match: items() of mentors must give (mentor id, capacity) pairs, not int")
err("match.mentor_id_str", lambda: reciprocity.match(PAIRS, mentors={"1": 1}), TypeError,
    "match: mentors: key '1' must be an int id, not str")
err("match.mentor_id_2_pow_64", lambda: reciprocity.match(PAIRS, mentors={2**64: 1}), ValueError,
    "match: mentors: key 18446744073709551616 does not fit in a 64-bit integer")
err("match.capacity_0", lambda: reciprocity.match(PAIRS, mentors={1: 0}), ValueError,
    "match: mentor 1 has capacity 0; capacities must be integers >= 1")
err("match.capacity_negative", lambda: reciprocity.match(PAIRS, mentors={1: -1}), ValueError,
    "match: mentor 1 has capacity -1; capacities must be integers >= 1")
err("match.capacity_minus_2_pow_64", lambda: reciprocity.match(PAIRS, mentors={1: -2**64}), ValueError,
    "match: mentor 1 has capacity -18446744073709551616; capacities must be integers >= 1")
ok("match.capacity_2_pow_63", lambda: reciprocity.match([(1, 2, 0.5), (1, 3, 0.4)], mentors={1: 2**63}).pairs,
   [(1, 2, 0.5), (1, 3, 0.4)])
ok("match.capacity_2_pow_64", lambda: reciprocity.match([(1, 2, 0.5), (1, 3, 0.4)], mentors={1: 2**64}).pairs,
   [(1, 2, 0.5), (1, 3, 0.4)])
err("match.capacity_float", lambda: reciprocity.match(PAIRS, mentors={1: 1.0}), TypeError,
    "match: capacity of mentor 1 must be an int, not float")
err("match.capacity_none", lambda: reciprocity.match(PAIRS, mentors={1: None}), TypeError,
    "match: capacity of mentor 1 must be an int, not NoneType")
err("match.capacity_bool", lambda: reciprocity.match(PAIRS, mentors={1: True}), TypeError,
    "match: capacity of mentor 1 must be an int, not bool")
err("match.mentors_empty", lambda: reciprocity.match(PAIRS, mentors={}), ValueError,
    "match: mentors are given but the list is empty "
    "(capacities need two sides: mentors with a capacity, and the mentees, everyone else)")
err("match.mentors_with_fair", lambda: reciprocity.match(PAIRS, "fair", mentors={1: 1}), ValueError,
    "match: objective 'fair' does not take mentors (capacities are solved for the largest total: use objective 'total')")
err("match.pair_of_two_mentors", lambda: reciprocity.match(PAIRS, mentors={1: 1, 2: 1}), ValueError,
    "match: candidate pair (1, 2) joins two mentors (with mentors given, every pair joins a mentor and a mentee)")
err("match.pair_without_mentor", lambda: reciprocity.match(PAIRS, mentors={1: 1}), ValueError,
    "match: candidate pair (2, 3) has no mentor (with mentors given, every pair joins a mentor and a mentee)")
err("match.pinned_not_a_candidate", lambda: reciprocity.match(PAIRS, pinned=[(1, 3)]), ValueError,
    "match: pinned pair (1, 3) is not a candidate pair")
err("match.pinned_self_pair", lambda: reciprocity.match(PAIRS, pinned=[(2, 2)]), ValueError,
    "match: pinned pair (2, 2) is not a candidate pair")
err("match.pinned_person_twice", lambda: reciprocity.match(PAIRS, pinned=[(1, 2), (2, 3)]), ValueError,
    "match: person 2 is pinned twice: (1, 2) and (2, 3)")
ok("match.pinned_twice_both_ways", lambda: reciprocity.match(PAIRS, pinned=[(1, 2), (2, 1)]).pairs,
   [(1, 2, 0.9), (3, 4, 0.8)])
err("match.pinned_with_score", lambda: reciprocity.match(PAIRS, pinned=[(1, 2, 0.9)]), ValueError,
    "match: pinned item 0 has 3 values; it must be a tuple (a, b)")
err("match.pinned_int", lambda: reciprocity.match(PAIRS, pinned=5), TypeError,
    "match: pinned must be an iterable of (a, b) tuples, not int")
err("match.pinned_str", lambda: reciprocity.match(PAIRS, pinned="12"), TypeError,
    "match: pinned must be an iterable of (a, b) tuples, not str")
err("match.pinned_float_id", lambda: reciprocity.match(PAIRS, pinned=[(1.0, 2)]), TypeError,
    "match: pinned item 0: a must be an int id, not float")
err("match.pinned_id_2_pow_64", lambda: reciprocity.match(PAIRS, pinned=[(1, 2**64)]), ValueError,
    "match: pinned item 0: b does not fit in a 64-bit integer")
err("match.pinned_raise_midway", lambda: reciprocity.match(PAIRS, pinned=raising([(1, 2)], KeyError("pin"))), KeyError,
    "'pin'")
err("match.wrong_keyword", lambda: reciprocity.match([], objectiv="total"), TypeError,
    "match(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (pairs: handle, objective: handle = 'total', mentors: handle = None, pinned: handle = None) "
    "-> reciprocity._core.Matching\n\nInvoked with: []; kwargs: objectiv='total'")

# ---------------------------------------------------------------------- audit

err("audit.matching_none", lambda: reciprocity.audit(PAIRS, None), TypeError,
    "audit: matching must be an iterable of (a, b) or (a, b, score) tuples, not NoneType")
err("audit.matching_str", lambda: reciprocity.audit(PAIRS, "12"), TypeError,
    "audit: matching must be an iterable of (a, b) or (a, b, score) tuples, not str")
err("audit.pair_not_a_candidate", lambda: reciprocity.audit(PAIRS, [(1, 3)]), ValueError,
    "audit: matching pair (1, 3) is not a candidate pair")
err("audit.person_in_two_pairs", lambda: reciprocity.audit(PAIRS, [(1, 2), (2, 3)]), ValueError,
    "audit: person 2 is in two pairs of the matching: (1, 2) and (2, 3)")
err("audit.self_pair", lambda: reciprocity.audit(PAIRS, [(2, 2)]), ValueError,
    "audit: matching pair (2, 2) is not a candidate pair")
err("audit.item_of_four", lambda: reciprocity.audit(PAIRS, [(1, 2, 0.9, 1)]), ValueError,
    "audit: matching item 0 has 4 values; it must be a tuple (a, b) or (a, b, score)")
err("audit.float_id", lambda: reciprocity.audit(PAIRS, [(1, 2.0)]), TypeError,
    "audit: matching item 0: b must be an int id, not float")
err("audit.id_2_pow_63", lambda: reciprocity.audit(PAIRS, [(2**63, 1)]), ValueError,
    "audit: matching item 0: a does not fit in a 64-bit integer")
err("audit.bad_candidates", lambda: reciprocity.audit([(1, 1, 0.5)], []), ValueError,
    "audit: candidate pair (1, 1) is a self-pair")
err("audit.mentor_over_capacity", lambda: reciprocity.audit([(1, 2, 0.5), (1, 3, 0.5)], [(1, 2), (1, 3)], mentors={1: 1}),
    ValueError, "audit: mentor 1 has more mentees in the matching than its capacity 1")
err("audit.matching_raises_midway", lambda: reciprocity.audit(PAIRS, raising([(1, 2)], KeyError("gone"))), KeyError,
    "'gone'")
ok("audit.same_pair_twice", lambda: reciprocity.audit(PAIRS, [(1, 2), (2, 1)]).pairs, 1)
err("audit.wrong_keyword", lambda: reciprocity.audit([], matchings=[]), TypeError,
    "audit(): incompatible function arguments. The following argument types are supported:\n"
    "    1. (pairs: handle, matching: handle, mentors: handle = None) -> reciprocity._core.MatchAudit\n\n"
    "Invoked with: []; kwargs: matchings=[]")

# ---------------------------------------------------------- reciprocity.sqlite

err("sqlite.load.none", lambda: reciprocity.sqlite.load(None), TypeError,
    "load: conn must be a sqlite3.Connection, not NoneType")
err("sqlite.load.path", lambda: reciprocity.sqlite.load(":memory:"), TypeError,
    "load: conn must be a sqlite3.Connection, not str")
err("sqlite.load.closed_connection", load_closed, sqlite3.ProgrammingError, "Cannot operate on a closed database.")
err("sqlite.load.wrong_keyword", lambda: reciprocity.sqlite.load(connection=None), TypeError,
    "load() got an unexpected keyword argument 'connection'")
ok("sqlite.load.twice", loaded_twice, reciprocity.__version__)
err("sqlite.load.extension_loading_off_afterwards", load_extension_after_load, sqlite3.OperationalError, "not authorized")
err("sqlite.connect.missing_directory", lambda: reciprocity.sqlite.connect("/nonexistent-dir/x.db"),
    sqlite3.OperationalError, "unable to open database file")

# ------------------------------------------------------------------- pickling

ok("pickle.every_protocol", lambda: pickle_all_protocols(go()), [True] * (pickle.HIGHEST_PROTOCOL + 1))
ok("pickle.subclass_protocol_0", lambda: type(pickle.loads(pickle.dumps(Sub({"go": {"level": 1}}), 0))), Sub)
err("pickle.setstate_empty", lambda: blank().__setstate__(()), ValueError, "Profile: bad pickle state")
err("pickle.setstate_two_items", lambda: blank().__setstate__((b"", b"")), ValueError, "Profile: bad pickle state")
err("pickle.setstate_str", lambda: blank().__setstate__(("RcpP",)), TypeError,
    f"Profile.__setstate__: argument 1 is not a reciprocity profile (it is str; {NOT_A_PROFILE}")
err("pickle.setstate_short_bytes", lambda: blank().__setstate__((b"no",)), ValueError,
    "Profile.__setstate__: argument 1 is not a reciprocity profile: truncated: 2 bytes, a profile has at least 16")
err("pickle.setstate_none", lambda: blank().__setstate__(None), TypeError,
    "__setstate__(): incompatible constructor arguments. The following argument types are supported:\n"
    "    1. reciprocity._core.Profile(arg0: tuple)\n\nInvoked with: None")
err("pickle.corrupted_blob", lambda: pickle.loads(pickle.dumps(go()).replace(b"RcpP", b"RcpX")), ValueError,
    "Profile.__setstate__: argument 1 is not a reciprocity profile: bad magic bytes")
err("pickle.truncated", lambda: pickle.loads(pickle.dumps(go())[:-5]), pickle.UnpicklingError,
    "pickle data was truncated")
ok("pickle.topics_1e6", lambda: len(pickle.loads(pickle.dumps(Profile({f"t{i}": {"want": 1} for i in range(10**6)})))),
   10**6)
