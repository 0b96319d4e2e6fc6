#!/usr/bin/python3
"""reciprocity.score over all pairs of 2,000 profiles vs a pure-Python reference.

One run each, over the same profiles and the same pairs (n(n-1)/2 calls):

1. reciprocity.score(a, b)           the C++ core through the pybind11 module
2. reference.score(a, b)             DESIGN §1 in plain Python over dicts
                                     (tests/python/reference.py, the oracle of
                                     the property tests)

It checks that both give the same scores (to 1e-12), then prints both times
and the ratio. Profiles come from the sample HR database when it exists (the
2,000 people of sql/sample_hr.db; proficiency = level, priority = want), or
are generated deterministically otherwise.

Usage (Debian's python3; reciprocity installed, or PYTHONPATH=<build>/python):
    /usr/bin/python3 bench/python_score_bench.py [--db sql/sample_hr.db | --generate] [-n 2000] [--mode harmonic]
"""

import argparse
import os
import random
import sqlite3
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "python"))

import reference  # noqa: E402

import reciprocity  # noqa: E402

SAMPLE_DB = os.path.join(ROOT, "sql", "sample_hr.db")


def from_db(path, n):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = {}
    for eid, skill, level, want in conn.execute(
        "SELECT employee_id, skill, proficiency, 0 FROM employee_skills "
        "UNION ALL SELECT employee_id, skill, 0, priority FROM learning_goals"
    ):
        rows.setdefault(eid, []).append((skill, level, want))
    conn.close()
    ids = sorted(rows)[:n]
    return [reciprocity.Profile.from_rows(rows[i]) for i in ids]


def generated(n, seed=20240611):
    """n profiles over a 60-topic vocabulary: 8-20 known topics, 2-6 wants."""
    rnd = random.Random(seed)
    vocabulary = [f"topic {i:02d}" for i in range(60)]
    out = []
    for _ in range(n):
        spec = {t: {"level": rnd.randint(1, 5)} for t in rnd.sample(vocabulary, rnd.randint(8, 20))}
        for t in rnd.sample(vocabulary, rnd.randint(2, 6)):
            spec.setdefault(t, {"level": 0})["want"] = rnd.randint(1, 5)
        out.append(reciprocity.Profile(spec))
    return out


def all_pairs(fn, profiles, mode):
    scores = []
    append = scores.append
    n = len(profiles)
    start = time.perf_counter()
    for i in range(n):
        a = profiles[i]
        for j in range(i + 1, n):
            append(fn(a, profiles[j], mode))
    return time.perf_counter() - start, scores


def main():
    parser = argparse.ArgumentParser(description="reciprocity.score vs pure Python, all pairs")
    parser.add_argument("--db", default=None, help=f"HR database to read profiles from (default: {SAMPLE_DB} if present)")
    parser.add_argument("--generate", action="store_true", help="generate profiles instead of reading a database")
    parser.add_argument("-n", type=int, default=2000, help="number of profiles (default 2000)")
    parser.add_argument("--mode", default="harmonic", choices=reciprocity.MODES)
    args = parser.parse_args()

    db = args.db or (SAMPLE_DB if os.path.exists(SAMPLE_DB) else None)
    if args.generate or db is None:
        profiles, source = generated(args.n), "generated"
    else:
        profiles, source = from_db(db, args.n), db
    dicts = [reference.make(p.to_dict()) for p in profiles]
    n = len(profiles)
    pairs = n * (n - 1) // 2
    topics = sum(len(p) for p in profiles) / max(n, 1)
    print(f"reciprocity {reciprocity.__version__}, Python {sys.version.split()[0]}")
    print(f"{n} profiles ({source}), {topics:.1f} topics each on average, {pairs:,} pairs, mode {args.mode}")

    t_cpp, s_cpp = all_pairs(reciprocity.score, profiles, args.mode)
    t_py, s_py = all_pairs(reference.score, dicts, args.mode)
    worst = max((abs(x - y) for x, y in zip(s_cpp, s_py)), default=0.0)
    if worst > 1e-12:
        sys.exit(f"scores disagree: max |difference| = {worst:g}")

    print(f"reciprocity.score (C++):   {t_cpp:8.3f} s  {1e9 * t_cpp / max(pairs, 1):8.0f} ns/pair")
    print(f"pure-Python reference:     {t_py:8.3f} s  {1e9 * t_py / max(pairs, 1):8.0f} ns/pair")
    print(f"ratio (Python / C++):      {t_py / t_cpp:8.1f}x   (max |score difference| {worst:.1e})")


if __name__ == "__main__":
    main()
