#!/usr/bin/python3
"""Top partners for 100,000 people built from real Stack Overflow survey answers.

The 1,000 respondents of data/stackoverflow/so_survey_2025_first1000.csv are
read with the documented rule of examples/stackoverflow_demo.py (its own
`load` function is imported and reused: level of a technology someone has
worked with = 1 + min(4, years / 3), want 2 for a technology wanted and not
used, 1 for one wanted and already used), then replicated to --people people
with seeded noise. Copy 0 of each respondent is the respondent as is; every
other copy

  * drops 0..2 of the respondent's technologies (have or want), uniformly;
  * adds 0..2 technologies drawn from the empirical frequencies (how many
    respondents mention a technology, have or want), as a technology worked
    with in the proportion the survey has for it (have / (have + want)) at the
    respondent's level, else as a wanted one;
  * moves the level of every technology worked with by -1, 0 or +1 (uniform),
    kept within [1, 5] (1: the rule's lowest level for a technology used);

and the want rule is applied again to the copy (wanted and used: 1, wanted and
not used: 2).

Timed: building the profiles with the Python API (Profile.from_rows),
reciprocity.top_partners(profiles, k, threads=2), writing the profiles into
SQLite, and SELECT * FROM reciprocity_top_partners('profiles', k,
'{"threads": 2}'); the two results are checked equal. With the C API library
next to the extension, the same call through the C API reports the candidates
bounded and scored per person (--counters). Run it under /usr/bin/time -v
for the peak RSS.

Usage (Debian's python3, PYTHONPATH holding the built package):
    PYTHONPATH=build/python /usr/bin/time -v /usr/bin/python3 bench/stackoverflow_scale_bench.py \\
        [--people 100000] [--k 10] [--threads 2] [--seed 1] [--ext build/reciprocity.so] [--counters]
"""

import argparse
import os
import random
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "examples"))
sys.path.insert(0, HERE)

import stackoverflow_demo as so  # noqa: E402  (the documented mapping rule)
import top_partners_sql_bench as tpb  # noqa: E402  (timing and C API helpers)


def read_respondents(csv_path):
    """[(respondent id, base level, {topic: level}, {topic}), ...] in id order,
    with the mapping rule of examples/stackoverflow_demo.py (its `load`)."""
    db = sqlite3.connect(":memory:")
    so.load(db, csv_path)
    people = {rid: (so.level_for(years), {}, set())
              for rid, years in db.execute("SELECT id, years FROM respondents ORDER BY id")}
    for rid, topic, level in db.execute("SELECT respondent, topic, level FROM have"):
        people[rid][1][topic] = level
    for rid, topic, want in db.execute("SELECT respondent, topic, want FROM want"):
        people[rid][2].add(topic)
        assert want == (1.0 if topic in people[rid][1] else 2.0)
    db.close()
    return [(rid, *people[rid]) for rid in sorted(people)]


def replicate(respondents, people, seed):
    """Rows (person_id, topic, level, want), one per person and topic, ids
    1..people, and the source respondent of each id."""
    rows, source = [], []
    for pid, rid, topics in replicate_people(respondents, people, seed):
        source.append(rid)
        rows.extend((pid, *t) for t in topics)
    return rows, source


def replicate_people(respondents, people, seed):
    """(person id, source respondent id, [(topic, level, want), ...]) for ids
    1..people, one person at a time."""
    rng = random.Random(seed)
    have_count, want_count = {}, {}
    for _, _, haves, wants in respondents:
        for t in haves:
            have_count[t] = have_count.get(t, 0) + 1
        for t in wants:
            want_count[t] = want_count.get(t, 0) + 1
    topics = sorted(set(have_count) | set(want_count))
    mentions = [have_count.get(t, 0) + want_count.get(t, 0) for t in topics]
    have_share = {t: have_count.get(t, 0) / (have_count.get(t, 0) + want_count.get(t, 0)) for t in topics}
    n = len(respondents)
    for pid in range(1, people + 1):
        copy, idx = divmod(pid - 1, n)
        rid, base, haves, wants = respondents[idx]
        if copy == 0:
            h, w = dict(haves), set(wants)
        else:
            h, w = dict(haves), set(wants)
            held = sorted(set(h) | w)
            for t in rng.sample(held, min(len(held), rng.randint(0, 2))):
                h.pop(t, None)
                w.discard(t)
            for t in rng.choices(topics, weights=mentions, k=rng.randint(0, 2)):
                if rng.random() < have_share[t]:
                    h.setdefault(t, base)
                else:
                    w.add(t)
            for t in h:
                h[t] = min(5.0, max(1.0, h[t] + rng.choice((-1.0, 0.0, 1.0))))
        yield pid, rid, [(t, h.get(t, 0.0), (1.0 if t in h else 2.0) if t in w else 0.0) for t in sorted(set(h) | w)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=100000)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--csv", default=so.DEFAULT_CSV)
    ap.add_argument("--ext", help="the SQLite extension (default: the one of the reciprocity package)")
    ap.add_argument("--counters", action="store_true",
                    help="also make the call through the C API (libreciprocity.so.1, found next to --ext or "
                         "given with --capi) to count the candidates bounded and scored per person; it takes as "
                         "long as the call itself")
    ap.add_argument("--capi", help="libreciprocity.so.1 for --counters (default: <dir of --ext>/capi/)")
    ap.add_argument("--no-sql", action="store_true", help="skip the SQLite part")
    args = ap.parse_args()

    import reciprocity
    import reciprocity.sqlite

    print(f"reciprocity {reciprocity.__version__}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} cores; "
          f"start: {tpb.loadavg()}", flush=True)
    t0 = time.perf_counter()
    respondents = read_respondents(args.csv)
    t_read = time.perf_counter() - t0
    # Replicate and build each profile with the Python API as the person is
    # made (no table of all rows is kept).
    profiles, n_rows, wants, empty, topics = {}, 0, 0, 0, set()
    t_prof = 0.0
    t0 = time.perf_counter()
    for pid, _, person in replicate_people(respondents, args.people, args.seed):
        n_rows += len(person)
        wants += sum(1 for t in person if t[2] > 0)
        empty += not person
        topics.update(t[0] for t in person)
        t1 = time.perf_counter()
        profiles[pid] = reciprocity.Profile.from_rows(person)
        t_prof += time.perf_counter() - t1
    t_rep = time.perf_counter() - t0 - t_prof
    print(f"{len(respondents):,} respondents read in {t_read:.2f} s (the rule of examples/stackoverflow_demo.py); "
          f"replicated to {args.people:,} people in {t_rep:.2f} s: {n_rows:,} (person, technology) rows, "
          f"{n_rows / args.people:.1f} each ({wants / args.people:.1f} wanted), {len(topics)} technologies, "
          f"{empty:,} people with an empty profile", flush=True)
    blob_mib = sum(len(bytes(p)) for p in profiles.values()) / 1048576.0
    print(f"profiles built with Profile.from_rows: {t_prof:.2f} s ({blob_mib:.0f} MiB of profile bytes); "
          f"peak RSS so far {tpb.peak_rss_mib():.0f} MiB", flush=True)

    c0, t0 = time.process_time(), time.perf_counter()
    top = reciprocity.top_partners(profiles, args.k, threads=args.threads)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    proposed = sum(len(v) for v in top.values())
    without = sum(1 for v in top.values() if not v)
    print(f"reciprocity.top_partners(profiles, {args.k}, threads={args.threads}): {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU; {proposed:,} pairs proposed, {without:,} people without a partner; "
          f"peak RSS so far {tpb.peak_rss_mib():.0f} MiB; {tpb.loadavg()}", flush=True)

    capi = args.capi or (tpb.default_capi(args.ext) if args.ext else None)
    if args.counters and not capi:
        sys.exit("--counters: no libreciprocity.so.1 found; give --capi PATH")
    if args.counters:
        ids = list(profiles)
        cwall, met, scored, pairs = tpb.capi_top_partners(capi, ids, [bytes(profiles[i]) for i in ids], args.k,
                                                          args.threads)
        assert pairs == proposed
        print(f"candidates (C API rcp_top_partners, same profiles, {cwall:.2f} s wall): {met / args.people:,.1f} "
              f"met in the index (bounded) and {scored / args.people:,.1f} scored exactly per person, of "
              f"{args.people - 1:,} possible; {tpb.loadavg()}", flush=True)

    if not args.no_sql:
        conn = sqlite3.connect(":memory:")
        if args.ext:
            tpb.load_extension(conn, args.ext)
        else:
            reciprocity.sqlite.load(conn)
        t0 = time.perf_counter()
        conn.execute("CREATE TABLE profiles(id INTEGER PRIMARY KEY, profile BLOB NOT NULL)")
        with conn:
            conn.executemany("INSERT INTO profiles VALUES (?, ?)", profiles.items())
        t_ins = time.perf_counter() - t0
        print(f"SQLite: profiles table written in {t_ins:.2f} s", flush=True)
        out, wall, cpu = tpb.run_query(conn, tpb.query_extension(args.k, {"threads": args.threads}))
        print(f"SQLite: SELECT * FROM reciprocity_top_partners('profiles', {args.k}, "
              f"'{{\"threads\": {args.threads}}}'): {wall:.2f} s wall, {cpu:.2f} s CPU; {len(out):,} rows; "
              f"peak RSS so far {tpb.peak_rss_mib():.0f} MiB; {tpb.loadavg()}", flush=True)
        py_rows = [(i, p, s, r) for i, ps in top.items() for r, (p, s) in enumerate(ps, 1)]
        same = py_rows == [tuple(r) for r in out]
        print(f"SQL rows equal to the Python result (ids, ranks, scores bit for bit): {'yes' if same else 'NO'}")
        if not same:
            return 1
    print(f"end: {tpb.loadavg()}; peak RSS {tpb.peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
