"""The C ABI from Python through ctypes, without any of our headers: the
prototypes below are written from the documented ABI (docs/c-api.md), as a
Go, Rust, C# or Node binding would write them.

Environment: RCP_CAPI_LIB (path of libreciprocity.so.1), RCP_SQLITE_EXTENSION
(path of the SQLite module reciprocity.so), RCP_VERSION_FILE (the VERSION file).
"""
import ctypes
import math
import os
import sqlite3
import threading

import pytest

RCP_OK = 0
RCP_E_INVALID_ARGUMENT = 1
RCP_E_BAD_PROFILE = 2
RCP_E_NULL_ARGUMENT = 6
RCP_E_CANCELLED = 7

c_profile_p = ctypes.c_void_p  # opaque rcp_profile *
c_result_p = ctypes.c_void_p  # opaque rcp_top_partners_result *

# int (*rcp_progress_fn)(void *user, size_t done, size_t total)
PROGRESS = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t)


class IdPair(ctypes.Structure):  # rcp_id_pair
    _fields_ = [("a", ctypes.c_int64), ("b", ctypes.c_int64)]


class TopPartnersOptions(ctypes.Structure):  # rcp_top_partners_options (1.1)
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("mode", ctypes.c_char_p),
        ("threads", ctypes.c_uint),
        ("exclude", ctypes.POINTER(IdPair)),
        ("exclude_count", ctypes.c_size_t),
        ("progress", PROGRESS),
        ("progress_user", ctypes.c_void_p),
    ]

    def __init__(self, **fields):  # what RCP_TOP_PARTNERS_OPTIONS_INIT does
        super().__init__(struct_size=ctypes.sizeof(TopPartnersOptions), **fields)


class Candidate(ctypes.Structure):  # rcp_candidate
    _fields_ = [("a", ctypes.c_int64), ("b", ctypes.c_int64), ("score", ctypes.c_double),
                ("a_gain", ctypes.c_double), ("b_gain", ctypes.c_double)]


class Mentor(ctypes.Structure):  # rcp_mentor
    _fields_ = [("id", ctypes.c_int64), ("capacity", ctypes.c_int64)]


class MatchOptions(ctypes.Structure):  # rcp_match_options (1.1)
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("objective", ctypes.c_char_p),
        ("gains", ctypes.c_int),
        ("mentors", ctypes.POINTER(Mentor)),
        ("mentor_count", ctypes.c_size_t),
        ("pinned", ctypes.POINTER(IdPair)),
        ("pinned_count", ctypes.c_size_t),
    ]

    def __init__(self, **fields):  # what RCP_MATCH_OPTIONS_INIT does
        super().__init__(struct_size=ctypes.sizeof(MatchOptions), **fields)


class MatchAuditInfo(ctypes.Structure):  # rcp_match_audit_info (1.1)
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("people", ctypes.c_size_t),
        ("pairs", ctypes.c_size_t),
        ("total", ctypes.c_double),
        ("weakest_score", ctypes.c_double),
        ("has_worst_off", ctypes.c_int),
        ("worst_off", ctypes.c_int64),
        ("worst_off_score", ctypes.c_double),
        ("unmatched", ctypes.c_size_t),
        ("blocking_pairs", ctypes.c_size_t),
        ("stable", ctypes.c_int),
        ("explanation", ctypes.c_char_p),
    ]

    def __init__(self):  # what RCP_MATCH_AUDIT_INFO_INIT does
        super().__init__(struct_size=ctypes.sizeof(MatchAuditInfo))


def _load():
    lib = ctypes.CDLL(os.environ["RCP_CAPI_LIB"])
    sig = {
        "rcp_version": (ctypes.c_char_p, []),
        "rcp_version_number": (ctypes.c_int, []),
        "rcp_errmsg": (ctypes.c_char_p, []),
        "rcp_status_string": (ctypes.c_char_p, [ctypes.c_int]),
        "rcp_free": (None, [ctypes.c_void_p]),
        "rcp_profile_create": (ctypes.c_int, [ctypes.POINTER(c_profile_p)]),
        "rcp_profile_destroy": (None, [c_profile_p]),
        "rcp_profile_set": (ctypes.c_int, [c_profile_p, ctypes.c_char_p, ctypes.c_double, ctypes.c_double]),
        "rcp_profile_merge": (ctypes.c_int, [c_profile_p, ctypes.c_char_p, ctypes.c_double, ctypes.c_double]),
        "rcp_profile_remove": (ctypes.c_int, [c_profile_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]),
        "rcp_profile_size": (ctypes.c_int, [c_profile_p, ctypes.POINTER(ctypes.c_size_t)]),
        "rcp_profile_from_blob": (ctypes.c_int, [ctypes.POINTER(c_profile_p), ctypes.c_void_p, ctypes.c_size_t]),
        "rcp_profile_to_blob": (ctypes.c_int, [c_profile_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]),
        "rcp_profile_from_json": (ctypes.c_int, [ctypes.POINTER(c_profile_p), ctypes.c_char_p]),
        # char ** out: declared as void ** so that ctypes hands back the raw pointer to free
        "rcp_profile_to_json": (ctypes.c_int, [c_profile_p, ctypes.POINTER(ctypes.c_void_p)]),
        "rcp_score": (ctypes.c_int, [c_profile_p, c_profile_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_double)]),
        "rcp_benefit": (ctypes.c_int, [c_profile_p, c_profile_p, ctypes.POINTER(ctypes.c_double)]),
        "rcp_explain_json": (ctypes.c_int, [c_profile_p, c_profile_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
        "rcp_top_partners": (ctypes.c_int, [ctypes.POINTER(c_profile_p), ctypes.POINTER(ctypes.c_int64), ctypes.c_size_t,
                                            ctypes.c_size_t, ctypes.POINTER(TopPartnersOptions),
                                            ctypes.POINTER(c_result_p)]),
        "rcp_top_partners_result_count": (ctypes.c_int, [c_result_p, ctypes.POINTER(ctypes.c_size_t)]),
        "rcp_top_partners_result_get": (ctypes.c_int, [c_result_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int64),
                                                       ctypes.POINTER(ctypes.c_size_t),
                                                       ctypes.POINTER(ctypes.POINTER(ctypes.c_int64)),
                                                       ctypes.POINTER(ctypes.POINTER(ctypes.c_double))]),
        "rcp_top_partners_result_destroy": (None, [c_result_p]),
        "rcp_match": (ctypes.c_int, [ctypes.POINTER(Candidate), ctypes.c_size_t, ctypes.POINTER(MatchOptions),
                                     ctypes.POINTER(c_result_p)]),
        "rcp_match_audit": (ctypes.c_int, [ctypes.POINTER(Candidate), ctypes.c_size_t, ctypes.POINTER(MatchOptions),
                                           ctypes.POINTER(IdPair), ctypes.c_size_t, ctypes.POINTER(c_result_p)]),
        "rcp_match_result_count": (ctypes.c_int, [c_result_p, ctypes.POINTER(ctypes.c_size_t)]),
        "rcp_match_result_get": (ctypes.c_int, [c_result_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int64),
                                                ctypes.POINTER(ctypes.c_int64), ctypes.POINTER(ctypes.c_double)]),
        "rcp_match_result_audit": (ctypes.c_int, [c_result_p, ctypes.POINTER(MatchAuditInfo)]),
        "rcp_match_result_blocking": (ctypes.c_int, [c_result_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int64),
                                                     ctypes.POINTER(ctypes.c_int64)]),
        "rcp_match_result_destroy": (None, [c_result_p]),
    }
    for name, (res, args) in sig.items():
        fn = getattr(lib, name)
        fn.restype = res
        fn.argtypes = args
    return lib


lib = _load()


class RcpError(Exception):
    def __init__(self, status):
        self.status = status
        super().__init__(lib.rcp_errmsg().decode())


def check(status):
    if status != RCP_OK:
        raise RcpError(status)


class Profile:
    def __init__(self, handle):
        self.handle = handle

    @classmethod
    def new(cls):
        h = c_profile_p()
        check(lib.rcp_profile_create(ctypes.byref(h)))
        return cls(h)

    @classmethod
    def from_json(cls, text):
        h = c_profile_p()
        check(lib.rcp_profile_from_json(ctypes.byref(h), text.encode()))
        return cls(h)

    @classmethod
    def from_blob(cls, data):
        h = c_profile_p()
        buf = ctypes.create_string_buffer(data, len(data))
        check(lib.rcp_profile_from_blob(ctypes.byref(h), buf, len(data)))
        return cls(h)

    def __del__(self):
        lib.rcp_profile_destroy(self.handle)

    def set(self, topic, level, want=0.0):
        check(lib.rcp_profile_set(self.handle, topic.encode(), level, want))
        return self

    def __len__(self):
        n = ctypes.c_size_t()
        check(lib.rcp_profile_size(self.handle, ctypes.byref(n)))
        return n.value

    def blob(self):
        data, size = ctypes.c_void_p(), ctypes.c_size_t()
        check(lib.rcp_profile_to_blob(self.handle, ctypes.byref(data), ctypes.byref(size)))
        try:
            return ctypes.string_at(data, size.value)
        finally:
            lib.rcp_free(data)

    def json(self):
        s = ctypes.c_void_p()
        check(lib.rcp_profile_to_json(self.handle, ctypes.byref(s)))
        try:
            return ctypes.string_at(s).decode()
        finally:
            lib.rcp_free(s)


def score(a, b, mode=None):
    out = ctypes.c_double()
    check(lib.rcp_score(a.handle, b.handle, mode.encode() if mode else None, ctypes.byref(out)))
    return out.value


def explain(a, b, mode=None):
    s = ctypes.c_void_p()
    check(lib.rcp_explain_json(a.handle, b.handle, mode.encode() if mode else None, ctypes.byref(s)))
    try:
        return ctypes.string_at(s).decode()
    finally:
        lib.rcp_free(s)


A = '{"python": {"level": 4}, "finance": {"level": 1, "want": 3}}'
B = '{"python": {"level": 1, "want": 2}, "finance": {"level": 5}}'


def test_version_matches_the_version_file():
    with open(os.environ["RCP_VERSION_FILE"]) as f:
        v = f.read().strip()
    assert lib.rcp_version().decode() == v
    major, minor, patch = map(int, v.split("."))
    assert lib.rcp_version_number() == major * 10000 + minor * 100 + patch


def test_build_and_score():
    a = Profile.new().set("  Python", 4).set("finance", 1, 3)
    b = Profile.from_json(B)
    assert len(a) == 2
    assert a.json() == '{"finance":{"level":1,"want":3},"python":{"level":4}}'
    assert score(a, b) == pytest.approx(2 * 0.8 * 0.6 / 1.4, abs=1e-12)
    assert score(a, b, "min") == pytest.approx(0.6, abs=1e-12)
    out = ctypes.c_double()
    check(lib.rcp_benefit(a.handle, b.handle, ctypes.byref(out)))
    assert out.value == pytest.approx(0.8, abs=1e-12)
    assert explain(a, b, "mean").startswith('{"mode":"mean","score":0.7,')


def test_errors_carry_status_and_message():
    a, b = Profile.from_json(A), Profile.from_json(B)
    out = ctypes.c_double(1.0)
    assert lib.rcp_score(a.handle, b.handle, b"best", ctypes.byref(out)) == RCP_E_INVALID_ARGUMENT
    assert math.isnan(out.value)
    assert lib.rcp_errmsg() == b"rcp_score: unknown mode 'best' (valid modes: harmonic, geometric, min, mean, uninorm)"
    assert lib.rcp_status_string(RCP_E_INVALID_ARGUMENT) == b"invalid argument"
    with pytest.raises(RcpError) as e:
        a.set("python", 6)
    assert e.value.status == RCP_E_INVALID_ARGUMENT
    assert str(e.value) == "rcp_profile_set: level 6 for topic 'python' is outside [0, 5]"
    with pytest.raises(RcpError) as e:
        Profile.from_blob(b"RcpQ" + bytes(12))
    assert e.value.status == RCP_E_BAD_PROFILE
    assert str(e.value) == "rcp_profile_from_blob: bad magic bytes"
    assert lib.rcp_score(None, b.handle, None, ctypes.byref(out)) == RCP_E_NULL_ARGUMENT
    assert lib.rcp_errmsg() == b"rcp_score: a must not be NULL"
    lib.rcp_profile_destroy(None)  # a no-op


def test_errmsg_is_per_thread():
    a, b = Profile.from_json(A), Profile.from_json(B)
    seen = {}

    def worker(i):
        out = ctypes.c_double()
        lib.rcp_score(a.handle, b.handle, f"mode-{i}".encode(), ctypes.byref(out))
        for _ in range(200):
            lib.rcp_score(a.handle, b.handle, None, ctypes.byref(out))
        seen[i] = lib.rcp_errmsg().decode()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(6):
        assert seen[i].startswith(f"rcp_score: unknown mode 'mode-{i}'")


def test_blobs_interchange_with_the_sqlite_extension():
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(os.environ["RCP_SQLITE_EXTENSION"])
    (blob,) = con.execute(
        "SELECT reciprocity_profile(column1, column2, column3) FROM (VALUES ('python', 4, 0), ('Finance', 1, 3))"
    ).fetchone()
    a = Profile.from_blob(blob)
    assert a.blob() == blob
    b = Profile.from_json(B)
    (sql_score,) = con.execute("SELECT reciprocity_score(?, ?)", (blob, b.blob())).fetchone()
    assert score(a, b) == sql_score
    (sql_json,) = con.execute("SELECT reciprocity_profile_to_json(?)", (b.blob(),)).fetchone()
    assert sql_json == b.json()


def top_partners(people, k, opts=None):
    """people: {id: Profile} -> {id: [(partner, score), ...]} through the C API."""
    ids = list(people)
    handles = (c_profile_p * len(ids))(*[people[i].handle for i in ids])
    id_array = (ctypes.c_int64 * len(ids))(*ids)
    result = c_result_p()
    check(lib.rcp_top_partners(handles, id_array, len(ids), k, ctypes.byref(opts) if opts else None,
                               ctypes.byref(result)))
    try:
        n = ctypes.c_size_t()
        check(lib.rcp_top_partners_result_count(result, ctypes.byref(n)))
        out = {}
        for i in range(n.value):
            pid, count = ctypes.c_int64(), ctypes.c_size_t()
            partners, scores = ctypes.POINTER(ctypes.c_int64)(), ctypes.POINTER(ctypes.c_double)()
            check(lib.rcp_top_partners_result_get(result, i, ctypes.byref(pid), ctypes.byref(count),
                                                  ctypes.byref(partners), ctypes.byref(scores)))
            out[pid.value] = [(partners[j], scores[j]) for j in range(count.value)]
        return out
    finally:
        lib.rcp_top_partners_result_destroy(result)


def test_top_partners_for_everyone():
    people = {
        1: Profile.from_json('{"python": {"level": 5}, "finance": {"want": 1}}'),
        2: Profile.from_json('{"python": {"level": 1, "want": 1}, "finance": {"level": 4}}'),
        3: Profile.from_json('{"python": {"want": 2}, "finance": {"level": 5}, "sql": {"level": 3}}'),
        4: Profile.from_json('{"sql": {"want": 1}, "python": {"level": 4}}'),
        5: Profile.from_json('{"cooking": {"level": 2}}'),
    }
    expect = {}
    for i, p in people.items():
        ranked = sorted(((j, score(p, q, "geometric")) for j, q in people.items() if j != i), key=lambda t: (-t[1], t[0]))
        expect[i] = [(j, s) for j, s in ranked if s > 0][:2]
    calls = []

    def progress(user, done, total):
        calls.append((done, total))
        return 1

    callback = PROGRESS(progress)  # kept alive during the call
    opts = TopPartnersOptions(mode=b"geometric", progress=callback)
    assert top_partners(people, 2, opts) == expect
    assert expect[1] == [(3, 1.0), (2, pytest.approx(0.8, abs=1e-12))] and expect[5] == []
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)

    # Exclusions, either way round.
    pairs = (IdPair * 2)(IdPair(3, 1), IdPair(4, 2))
    opts = TopPartnersOptions(mode=b"geometric", exclude=pairs, exclude_count=2)
    got = top_partners(people, 2, opts)
    assert [j for j, _ in got[1]] == [2] and [j for j, _ in got[3]] == [4]

    # Cancelled by the callback: a status and a message, no result.
    opts = TopPartnersOptions(progress=PROGRESS(lambda user, done, total: 0))
    with pytest.raises(RcpError) as e:
        top_partners(people, 2, opts)
    assert e.value.status == RCP_E_CANCELLED
    assert str(e.value) == "rcp_top_partners: cancelled by the progress callback"
    assert lib.rcp_status_string(RCP_E_CANCELLED) == b"cancelled"

    # k = 0 and a struct_size that is too small.
    with pytest.raises(RcpError) as e:
        top_partners(people, 0)
    assert str(e.value) == "rcp_top_partners: k must be a positive integer"
    opts = TopPartnersOptions()
    opts.struct_size = 8
    with pytest.raises(RcpError) as e:
        top_partners(people, 1, opts)
    assert str(e.value) == (f"rcp_top_partners: opts->struct_size is 8, expected at least {ctypes.sizeof(opts)}"
                            " (initialise the options with RCP_TOP_PARTNERS_OPTIONS_INIT)")


def read_match(result):
    """(pairs, audit dict, blocking pairs) of an rcp_match_result, then destroys it."""
    try:
        n = ctypes.c_size_t()
        check(lib.rcp_match_result_count(result, ctypes.byref(n)))
        pairs = []
        a, b, s = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_double()
        for i in range(n.value):
            check(lib.rcp_match_result_get(result, i, ctypes.byref(a), ctypes.byref(b), ctypes.byref(s)))
            pairs.append((a.value, b.value, s.value))
        info = MatchAuditInfo()
        check(lib.rcp_match_result_audit(result, ctypes.byref(info)))
        audit = {name: getattr(info, name) for name, _ in MatchAuditInfo._fields_ if name != "struct_size"}
        blocking = []
        for j in range(info.blocking_pairs):
            check(lib.rcp_match_result_blocking(result, j, ctypes.byref(a), ctypes.byref(b)))
            blocking.append((a.value, b.value))
        return pairs, audit, blocking
    finally:
        lib.rcp_match_result_destroy(result)


def c_match(rows, opts=None):
    cands = (Candidate * len(rows))(*[Candidate(*r) for r in rows])
    result = c_result_p()
    check(lib.rcp_match(cands, len(rows), ctypes.byref(opts) if opts else None, ctypes.byref(result)))
    return read_match(result)


def test_match_and_audit():
    rows = [(1, 2, 0.9, 0, 0), (2, 3, 1.0, 0, 0), (3, 4, 0.8, 0, 0)]
    pairs, audit, blocking = c_match(rows)
    assert pairs == [(1, 2, 0.9), (3, 4, 0.8)]
    assert audit["total"] == pytest.approx(1.7) and audit["weakest_score"] == 0.8
    assert (audit["worst_off"], audit["unmatched"], audit["stable"]) == (3, 0, 0)
    assert blocking == [(2, 3)] and audit["explanation"]

    pairs, audit, blocking = c_match(rows, MatchOptions(objective=b"stable"))
    assert pairs == [(2, 3, 1.0)] and audit["stable"] == 1 and audit["explanation"] == b"" and blocking == []

    mentors = (Mentor * 2)(Mentor(1, 2), Mentor(2, 1))
    pairs, _, _ = c_match([(10, 1, 0.9, 0, 0), (1, 11, 0.8, 0, 0), (2, 11, 0.5, 0, 0)],
                          MatchOptions(mentors=mentors, mentor_count=2))
    assert pairs == [(1, 10, 0.9), (1, 11, 0.8)]

    pinned = (IdPair * 1)(IdPair(3, 2))
    assert c_match(rows, MatchOptions(pinned=pinned, pinned_count=1))[0] == [(2, 3, 1.0)]

    # The audit of a matching of one's own.
    cands = (Candidate * 3)(*[Candidate(*r) for r in rows])
    m = (IdPair * 1)(IdPair(3, 2))
    result = c_result_p()
    check(lib.rcp_match_audit(cands, 3, None, m, 1, ctypes.byref(result)))
    pairs, audit, blocking = read_match(result)
    assert pairs == [(2, 3, 1.0)] and audit["unmatched"] == 2 and audit["stable"] == 1

    # Errors: a status, the message, and no result.
    result = c_result_p(12345)
    status = lib.rcp_match(cands, 3, ctypes.byref(MatchOptions(objective=b"best")), ctypes.byref(result))
    assert status == RCP_E_INVALID_ARGUMENT and result.value is None
    assert lib.rcp_errmsg() == b"rcp_match: unknown objective 'best' (valid objectives: total, fair, stable)"
    with pytest.raises(RcpError) as e:
        c_match([(3, 3, 0.5, 0, 0)])
    assert str(e.value) == "rcp_match: candidate pair (3, 3) is a self-pair"
    opts = MatchOptions()
    opts.struct_size = 8
    with pytest.raises(RcpError) as e:
        c_match(rows, opts)
    assert str(e.value) == (f"rcp_match: opts->struct_size is 8, expected at least {ctypes.sizeof(opts)}"
                            " (initialise the options with RCP_MATCH_OPTIONS_INIT)")
    assert lib.rcp_match(None, 1, None, ctypes.byref(result)) == RCP_E_NULL_ARGUMENT
    assert lib.rcp_errmsg() == b"rcp_match: candidates must not be NULL"
